using System.Text.RegularExpressions;

namespace ClickTrace.Storage;

/// <summary>Guards the few names that are part of SQL text (database, table, column): plain identifiers only.</summary>
public static partial class Identifiers
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static void Validate(string? name, string what)
    {
        if (!IsValid(name))
            throw new ArgumentException($"'{name}' is not a valid {what}: use letters, digits and underscores, starting with a letter or underscore (at most 64).");
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Pattern();
}
