using System.Globalization;
using System.Text;

namespace ClickTrace.Storage;

/// <summary>
/// Values bound to <c>{name:Type}</c> placeholders. Values travel to the engine as text in ClickHouse's
/// "escaped" format (the one query parameters are parsed with); they are never spliced into SQL.
/// </summary>
public sealed class QueryParameters : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _values = [];

    public int Count => _values.Count;

    public QueryParameters Add(string name, string value) => Set(name, Escape(value));
    public QueryParameters Add(string name, long value) => Set(name, value.ToString(CultureInfo.InvariantCulture));
    public QueryParameters Add(string name, ulong value) => Set(name, value.ToString(CultureInfo.InvariantCulture));
    public QueryParameters Add(string name, double value) => Set(name, value.ToString("R", CultureInfo.InvariantCulture));
    public QueryParameters Add(string name, Guid value) => Set(name, value.ToString("D"));

    /// <summary>Binds a UTC instant; use it with a <c>DateTime64(3, 'UTC')</c> placeholder.</summary>
    public QueryParameters Add(string name, DateTimeOffset value) =>
        Set(name, value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));

    /// <summary>Binds an array of strings; use it with an <c>Array(String)</c> placeholder.</summary>
    public QueryParameters Add(string name, IEnumerable<string> values)
    {
        var text = new StringBuilder("[");
        foreach (var value in values)
        {
            if (text.Length > 1) text.Append(',');
            text.Append('\'').Append(QuoteInArray(value)).Append('\'');
        }
        // An array is parsed as a list of quoted literals: only the quoting inside it is escaped.
        return Set(name, text.Append(']').ToString());
    }

    /// <summary>Binds text already in the escaped format, as ClickHouse's HTTP interface receives <c>param_*</c> values.</summary>
    internal QueryParameters AddEscaped(string name, string escapedText) => Set(name, escapedText);

    private QueryParameters Set(string name, string text)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"Parameter name '{name}' must be letters, digits and underscores.", nameof(name));
        _values.RemoveAll(p => p.Key == name);
        _values.Add(new(name, text));
        return this;
    }

    /// <summary>ClickHouse's escaped text format: backslash, tab, newline and carriage return are escaped.</summary>
    internal static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\t\n\r\0\b\f") < 0) return value;
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\0' => "\\0",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }

    private static string QuoteInArray(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
