namespace ClickTrace.Storage.Users;

/// <summary>A person who may sign in to the dashboard; the password only as ASP.NET Core's PasswordHasher hash.</summary>
public sealed record DashboardUser(string Username, string PasswordHash, DateTimeOffset CreatedAt);
