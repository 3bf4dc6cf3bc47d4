using ClickTrace.Server.Auth;

namespace ClickTrace.Server.Tests.Auth;

public sealed class DashboardAuthTests
{
    [Theory]
    [InlineData("", "long enough password", "long enough password", "Choose a user name.")]
    [InlineData("ad min", "long enough password", "long enough password", "A user name has letters, digits and . _ - @ only.")]
    [InlineData("admin", "short", "short", "A password has at least 12 characters.")]
    [InlineData("admin", "long enough password", "different password!", "The two passwords differ.")]
    [InlineData("admin@shop.example", "long enough password", "long enough password", null)]
    public void A_new_account_needs_a_plain_name_and_a_long_password_typed_twice(string name, string password, string confirm, string? problem) =>
        Assert.Equal(problem, DashboardAuth.Check(name, password, confirm));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/?site=demo&period=7d", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("", false)]
    public void After_sign_in_only_local_addresses_are_followed(string url, bool local) =>
        Assert.Equal(local, DashboardAuth.IsLocal(url));
}
