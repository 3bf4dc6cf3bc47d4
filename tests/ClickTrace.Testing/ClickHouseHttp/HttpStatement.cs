using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClickTrace.Storage;
using Microsoft.AspNetCore.Http;

namespace ClickTrace.Testing.ClickHouseHttp;

/// <summary>
/// One request to ClickHouse's HTTP interface, read the way the server reads it: the SQL from the <c>query</c>
/// argument and/or the body, <c>param_*</c> values, the database, the output format, and every other URL
/// argument as a setting; an INSERT named in the URL takes the (decoded) body as its data.
/// </summary>
internal sealed partial class HttpStatement
{
    /// <summary>URL arguments that steer the HTTP interface itself rather than the query.</summary>
    private static readonly HashSet<string> InterfaceArguments =
        ["query", "database", "default_format", "query_id", "session_id", "session_timeout", "session_check", "user", "password",
         "compress", "decompress", "role", "buffer_size", "wait_end_of_query", "enable_http_compression"];

    public required string Sql { get; init; }
    public required string? Database { get; init; }
    public required string Format { get; init; }
    public required string QueryId { get; init; }
    public required QueryParameters Parameters { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; }
    public required bool CompressResponse { get; init; }

    /// <summary>For an INSERT whose data is the body: the statement without its FORMAT clause, and the data.</summary>
    public string? InsertSql { get; init; }
    public string? InsertFormat { get; init; }
    public byte[]? InsertData { get; init; }

    public static async Task<HttpStatement> ReadAsync(HttpRequest request)
    {
        var arguments = request.Query;
        var body = await ReadBodyAsync(request);
        var urlQuery = arguments["query"].ToString();
        var parameters = new QueryParameters();
        var settings = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in arguments)
        {
            if (name.StartsWith("param_", StringComparison.Ordinal)) parameters.AddEscaped(name["param_".Length..], values.ToString());
            else if (!InterfaceArguments.Contains(name)) settings.Add(new(name, values.ToString()));
        }
        var database = arguments["database"].ToString();
        var common = (Database: string.IsNullOrEmpty(database) ? null : database, Format: arguments["default_format"].ToString() is { Length: > 0 } f ? f : "TabSeparated",
            QueryId: arguments["query_id"].ToString() is { Length: > 0 } id ? id : Guid.NewGuid().ToString());
        var compress = arguments["enable_http_compression"].ToString() is "1" or "true" && request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal);

        if (urlQuery.Length > 0 && body.Length > 0 && InsertWithFormat().Match(urlQuery) is { Success: true } insert)
        {
            return new HttpStatement
            {
                Sql = urlQuery, Database = common.Database, Format = common.Format, QueryId = common.QueryId, Parameters = parameters, Settings = settings,
                CompressResponse = compress, InsertSql = insert.Groups["statement"].Value, InsertFormat = insert.Groups["format"].Value, InsertData = body,
            };
        }
        var sql = urlQuery.Length > 0 && body.Length > 0 ? urlQuery + "\n" + Encoding.UTF8.GetString(body) : urlQuery + Encoding.UTF8.GetString(body);
        return new HttpStatement
        {
            Sql = sql, Database = common.Database, Format = common.Format, QueryId = common.QueryId, Parameters = parameters, Settings = settings, CompressResponse = compress,
        };
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        Stream body = encoding switch
        {
            "" or "identity" => request.Body,
            "gzip" => new GZipStream(request.Body, CompressionMode.Decompress),
            "deflate" => new ZLibStream(request.Body, CompressionMode.Decompress),
            "br" => new BrotliStream(request.Body, CompressionMode.Decompress),
            "zstd" => new ZstdSharp.DecompressionStream(request.Body),
            _ => throw new ClickHouseException(336, "UNKNOWN_COMPRESSION_METHOD", $"Code: 336. DB::Exception: Unknown Content-Encoding '{encoding}'. (UNKNOWN_COMPRESSION_METHOD)"),
        };
        await using (body)
        {
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [GeneratedRegex(@"^\s*(?<statement>INSERT\s+INTO\s.*?)\s+FORMAT\s+(?<format>[A-Za-z]+)\s*$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InsertWithFormat();
}
