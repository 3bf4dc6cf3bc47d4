using System.Security.Claims;
using System.Threading.RateLimiting;
using ClickTrace.Storage.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using ClickTrace.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClickTrace.Server.Auth;

/// <summary>
/// Sign-in for the dashboard and the read API: a cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, 14 days
/// sliding), passwords hashed with ASP.NET Core's PasswordHasher, no default password (the first visitor of a
/// fresh install creates the admin account), form posts checked for antiforgery tokens, and sign-in attempts
/// rate-limited per client address. The API answers 401/403 problem documents instead of redirects.
/// </summary>
public static class DashboardAuth
{
    public const string LoginPolicy = "login";
    public const int MinPasswordLength = 12;
    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    public static IServiceCollection AddDashboardAuth(this IServiceCollection services)
    {
        // The keys that sign the cookie live on disk, so that a restart keeps everyone signed in; several UI
        // processes share them through ClickTrace:Auth:KeysPath.
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection().SetApplicationName("ClickTrace");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<AuthOptions>, IOptions<StorageOptions>, ILoggerFactory>((keys, auth, storage, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                Directory.CreateDirectory(auth.Value.KeysPath ?? Path.Combine(storage.Value.DataPath, "keys")), logs));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeys.Handler>(ApiKeys.Scheme, null)
            .AddCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.Cookie.Name = "clicktrace.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization(ApiKeys.AddReadPolicy);
        services.AddCascadingAuthenticationState();
        services.AddRateLimiter(limiter => limiter.AddPolicy(LoginPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    /// <summary>POST /auth/setup (only while nobody can sign in), /auth/login and /auth/logout, all form posts with antiforgery tokens.</summary>
    public static IEndpointRouteBuilder MapDashboardAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").ExcludeFromDescription();
        group.MapPost("/setup", SetupAsync).RequireRateLimiting(LoginPolicy);
        group.MapPost("/login", LoginAsync).RequireRateLimiting(LoginPolicy);
        group.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync();
            return Results.Redirect("/login", preserveMethod: false);
        });
        group.MapPost("/keys/{keyId}/revoke", async (string keyId, ClickHouseApiKeyStore keys, CancellationToken cancellationToken) =>
        {
            if (await keys.FindAsync(keyId, cancellationToken) is { } key) await keys.RevokeAsync(key, cancellationToken);
            return Results.Redirect("/keys");
        }).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> SetupAsync(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? confirm, ClickHouseUserStore users, HttpContext context)
    {
        var problem = Check(username, password, confirm);
        if (problem is not null) return Results.Redirect($"/login?error={Uri.EscapeDataString(problem)}");
        var user = new DashboardUser(username!.Trim(), "", default);
        // Two first-run forms sent at once must not both create an admin: the check and the save are one step.
        await SetupGate.WaitAsync(context.RequestAborted);
        try
        {
            if (await users.AnyAsync(CancellationToken.None))
                return Results.Problem("The admin account exists already; sign in instead.", statusCode: StatusCodes.Status409Conflict);
            await users.SaveAsync(user with { PasswordHash = Hasher.HashPassword(user, password!) }, CancellationToken.None);
        }
        finally
        {
            SetupGate.Release();
        }
        await SignInAsync(context, user.Username);
        return Results.Redirect("/");
    }

    private static readonly SemaphoreSlim SetupGate = new(1, 1);

    private static async Task<IResult> LoginAsync(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, ClickHouseUserStore users, HttpContext context)
    {
        var user = string.IsNullOrWhiteSpace(username) ? null : await users.FindAsync(username.Trim(), context.RequestAborted);
        // The same answer for an unknown name and a wrong password: the form does not tell which names exist.
        if (user is null || string.IsNullOrEmpty(password) || Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
            return Results.Redirect("/login?error=" + Uri.EscapeDataString("That name and password do not match."));
        await SignInAsync(context, user.Username);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>What is wrong with a new account, or null.</summary>
    public static string? Check(string? username, string? password, string? confirm) => (username?.Trim(), password) switch
    {
        (null or "", _) => "Choose a user name.",
        ({ Length: > 64 }, _) => "A user name has at most 64 characters.",
        (var name, _) when !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@') => "A user name has letters, digits and . _ - @ only.",
        (_, null or { Length: < MinPasswordLength }) => $"A password has at least {MinPasswordLength} characters.",
        (_, { Length: > 256 }) => "A password has at most 256 characters.",
        _ when password != confirm => "The two passwords differ.",
        _ => null,
    };

    /// <summary>A return address on this site only ("/reports?x"), never "//elsewhere" or "https://elsewhere".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static Task SignInAsync(HttpContext context, string username) => context.SignInAsync(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], CookieAuthenticationDefaults.AuthenticationScheme)),
        new AuthenticationProperties { IsPersistent = true });

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
