namespace ClickTrace.Collector.Log;

/// <summary>What became of an append.</summary>
public enum AppendResult
{
    /// <summary>On disk (fsync done): safe to acknowledge.</summary>
    Durable,

    /// <summary>The log is at its disk cap (the store is probably down): answer 503.</summary>
    Full,

    /// <summary>Too many bytes are waiting for the disk already: answer 503.</summary>
    Busy,

    /// <summary>
    /// Not written: the disk refused the write (the next append tries again), or the log's writer has stopped
    /// (every append fails from then on, and readiness says so). Nothing was acknowledged: answer 503.
    /// </summary>
    Failed,
}
