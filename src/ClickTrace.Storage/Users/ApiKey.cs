namespace ClickTrace.Storage.Users;

/// <summary>A read-only key for the HTTP API: its public id, the SHA-256 of its secret (never the secret), a name, who made it.</summary>
public sealed record ApiKey(string KeyId, string SecretHash, string Name, string CreatedBy, DateTimeOffset CreatedAt);
