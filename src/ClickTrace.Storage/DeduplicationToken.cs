namespace ClickTrace.Storage;

/// <summary>Tokens for <c>insert_deduplication_token</c>: 1-128 letters, digits, '-', '_', ':' or '.'.</summary>
public static class DeduplicationToken
{
    public static string Validate(string token) =>
        token is { Length: > 0 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.')
            ? token
            : throw new ArgumentException($"'{token}' is not a valid deduplication token.", nameof(token));
}
