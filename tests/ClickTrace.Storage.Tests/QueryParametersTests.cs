namespace ClickTrace.Storage.Tests;

public sealed class QueryParametersTests
{
    [Fact]
    public void Strings_are_escaped_for_the_engines_text_format()
    {
        Assert.Equal("a\\\\b\\tc\\nd\\re", QueryParameters.Escape("a\\b\tc\nd\re"));
        Assert.Equal("plain 'quoted'", QueryParameters.Escape("plain 'quoted'"));
    }

    [Fact]
    public void Names_that_are_not_identifiers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new QueryParameters().Add("a b", 1L));
        Assert.Throws<ArgumentException>(() => new QueryParameters().Add("x}", "v"));
    }

    [Fact]
    public void Adding_a_name_twice_keeps_the_last_value()
    {
        var parameters = new QueryParameters().Add("n", 1L).Add("n", 2L);

        Assert.Equal("2", Assert.Single(parameters).Value);
    }
}
