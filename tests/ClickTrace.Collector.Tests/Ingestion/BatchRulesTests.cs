using ClickTrace.Collector.Ingestion;

namespace ClickTrace.Collector.Tests.Ingestion;

public sealed class BatchRulesTests
{
    private static readonly CollectorOptions Options = new() { MaxEventsPerBatch = 3 };

    [Fact]
    public void A_well_formed_batch_passes() => Check(Build.Batch(Build.Pageview()));

    [Theory]
    [InlineData(2, "shop", "00000000000000ff", "version")]
    [InlineData(1, null, "00000000000000ff", "site")]
    [InlineData(1, "shop key", "00000000000000ff", "site")]
    [InlineData(1, "shop", "xyz", "sid")]
    [InlineData(1, "shop", "00000000000000fff", "sid")]
    public void A_bad_header_refuses_the_batch(int version, string? site, string? sid, string mentioned)
    {
        var batch = Build.Batch(Build.Pageview());
        batch.Version = version;
        batch.Site = site;
        batch.SessionId = sid;

        var error = Assert.Throws<BatchError>(() => Check(batch));

        Assert.Equal(400, error.Status);
        Assert.Contains(mentioned, error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Too_many_events_refuse_the_batch()
    {
        var error = Assert.Throws<BatchError>(() => Check(Build.Batch(Enumerable.Range(0, 4).Select(_ => Build.Pageview()).ToArray())));

        Assert.Contains("at most 3", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_batch_is_refused() =>
        Assert.Throws<BatchError>(() => Check(Build.Batch()));

    [Fact]
    public void Ids_are_16_hex_digits() =>
        Assert.Equal((0xffUL, (ulong?)null, (ulong?)null), (BatchRules.ParseId("00000000000000FF")!.Value, BatchRules.ParseId("-0000000000000ff"), BatchRules.ParseId("")));

    [Fact]
    public void A_batch_without_session_and_visitor_ids_is_cookieless_and_passes()
    {
        var batch = Build.Batch(Build.Pageview());
        batch.SessionId = null;
        batch.VisitorId = null;

        Check(batch);
    }

    private static void Check(ClickTrace.Core.Wire.WireBatch batch) => BatchRules.Check(batch, batch.Events?.Count ?? 0, Options);
}
