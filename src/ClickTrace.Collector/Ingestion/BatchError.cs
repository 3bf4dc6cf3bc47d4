namespace ClickTrace.Collector.Ingestion;

/// <summary>A whole batch refused: becomes a 4xx problem response with this status, title and detail.</summary>
public sealed class BatchError(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Detail { get; } = detail;

    public static BatchError BadRequest(string detail) => new(400, "Invalid batch", detail);
}
