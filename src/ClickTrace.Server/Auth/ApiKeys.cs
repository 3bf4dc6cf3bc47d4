using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ClickTrace.Storage.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClickTrace.Server.Auth;

/// <summary>
/// Read-only API keys for scripts: <c>Authorization: Bearer ct_ID_SECRET</c>. A key is made on the dashboard's
/// keys page and shown once; the store keeps its id and the SHA-256 of its secret (a random 256-bit value, so a
/// fast hash is enough), never the secret. A key reads; only a signed-in person changes anything.
/// </summary>
public static class ApiKeys
{
    public const string Scheme = "ApiKey";
    public const string ReadPolicy = "read-api";
    private const string Prefix = "ct_";
    private const string ReadScope = "read";

    /// <summary>A new key and the token to hand over (once).</summary>
    public static (ApiKey Key, string Token) Issue(string name, string createdBy)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiKey(id, Hash(secret), name, createdBy, default), $"{Prefix}{id}_{secret}");
    }

    public static bool TryParse(string token, out string id, out string secret)
    {
        (id, secret) = ("", "");
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200) return false;
        var parts = token[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 12 || !parts[0].All(char.IsAsciiHexDigitLower) || parts[1].Length < 40) return false;
        (id, secret) = (parts[0], parts[1]);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The read API's policy: a signed-in person, or a key for GET requests only.</summary>
    internal static void AddReadPolicy(Microsoft.AspNetCore.Authorization.AuthorizationOptions options) => options.AddPolicy(ReadPolicy, policy => policy
        .AddAuthenticationSchemes(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme, Scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => !context.User.HasClaim("scope", ReadScope) || (context.Resource is HttpContext http && HttpMethods.IsGet(http.Request.Method))));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Authenticates a request that carries a bearer key; every other request is none of its business.</summary>
    internal sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ClickHouseApiKeyStore keys)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return AuthenticateResult.NoResult();
            if (!TryParse(header["Bearer ".Length..].Trim(), out var id, out var secret)) return AuthenticateResult.Fail("Not a ClickTrace API key.");
            var key = await keys.FindAsync(id, Context.RequestAborted);
            if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(key.SecretHash)))
                return AuthenticateResult.Fail("Unknown or revoked API key.");
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "key " + key.Name), new Claim("scope", ReadScope)], ApiKeys.Scheme);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeys.Scheme));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }
    }
}
