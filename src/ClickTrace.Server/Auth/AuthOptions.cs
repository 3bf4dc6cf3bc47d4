namespace ClickTrace.Server.Auth;

/// <summary>Sign-in settings. Section <c>ClickTrace:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "ClickTrace:Auth";

    /// <summary>
    /// The folder of the keys that sign the sign-in cookie. Default <c>{Storage:DataPath}/keys</c>. Several UI
    /// processes behind one address must share it (a shared volume), or a cookie from one is refused by another.
    /// </summary>
    public string? KeysPath { get; set; }
}
