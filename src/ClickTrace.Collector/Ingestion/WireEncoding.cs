namespace ClickTrace.Collector.Ingestion;

/// <summary>The encodings of wire format v1; the request's Content-Type decides.</summary>
public enum WireEncoding
{
    Json,
    MessagePack,
}

public static class WireEncodings
{
    /// <summary>application/json and text/plain (sendBeacon) are JSON; application/msgpack (and its aliases) MessagePack.</summary>
    public static WireEncoding? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json" or "text/plain" => WireEncoding.Json,
            "application/msgpack" or "application/x-msgpack" or "application/vnd.msgpack" => WireEncoding.MessagePack,
            _ => null,
        };
    }
}
