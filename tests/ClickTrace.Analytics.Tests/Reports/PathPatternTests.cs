using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Tests.Reports;

public sealed class PathPatternTests
{
    [Fact]
    public void An_exact_path_is_compared_with_equals_and_bound_as_it_is()
    {
        Assert.Equal("path = {page:String}", PathPattern.Condition("path", "page", "/sale_100%"));
        Assert.Equal("/sale_100%", PathPattern.Value("/sale_100%"));
    }

    [Fact]
    public void A_path_with_a_wildcard_is_a_LIKE_whose_own_wildcards_are_literal()
    {
        Assert.Equal("x.2 LIKE {page:String}", PathPattern.Condition("x.2", "page", "/sale_100%/*"));
        Assert.Equal("/sale\\_100\\%/%", PathPattern.Value("/sale_100%/*"));
    }
}
