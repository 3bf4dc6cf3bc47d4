namespace ClickTrace.Storage.Tests;

public sealed class ClickHouseExceptionTests
{
    [Fact]
    public void Code_and_name_are_parsed_from_the_engine_message()
    {
        var error = ClickHouseException.FromEngineMessage(
            "Code: 62. DB::Exception: Syntax error: failed at position 1 (SELEC): SELEC 1. Expected one of: ... (SYNTAX_ERROR) (version 26.7.1.1)\n");

        Assert.Equal(62, error.Code);
        Assert.Equal("SYNTAX_ERROR", error.Name);
    }

    [Fact]
    public void A_message_without_a_code_still_becomes_an_exception()
    {
        var error = ClickHouseException.FromEngineMessage("something odd");

        Assert.Equal(0, error.Code);
        Assert.Null(error.Name);
        Assert.Equal("something odd", error.Message);
    }
}
