using System.Diagnostics.Metrics;
using ClickTrace.Collector.Observability;

namespace ClickTrace.Collector.Tests.Observability;

public sealed class PrometheusExporterTests
{
    // A meter of the collector's name, so the exporter listens to it; unique instrument names keep tests apart.
    private static readonly Meter Meter = new(ClickTrace.Collector.Ingestion.CollectorMetrics.MeterName);

    [Fact]
    public void Measurements_with_equal_tags_add_up_in_one_series_and_other_tags_get_their_own()
    {
        using var exporter = new PrometheusExporter();
        var counter = Meter.CreateCounter<long>("clicktrace.test.tags_" + Guid.NewGuid().ToString("N"));

        counter.Add(2, new KeyValuePair<string, object?>("status", 400));
        counter.Add(3, new KeyValuePair<string, object?>("status", 400)); // a new box of the same value
        counter.Add(5, new KeyValuePair<string, object?>("status", 503));
        counter.Add(7, new KeyValuePair<string, object?>("status", 400), new KeyValuePair<string, object?>("ignored", "x"));

        var lines = exporter.Render().Split('\n').Where(l => l.StartsWith(Name(counter), StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"{Name(counter)}_total{{status=\"400\"}} 12", $"{Name(counter)}_total{{status=\"503\"}} 5"], lines);
    }

    [Fact]
    public void Labels_are_sorted_and_escaped_whatever_the_order_of_the_tags()
    {
        using var exporter = new PrometheusExporter();
        var counter = Meter.CreateCounter<long>("clicktrace.test.order_" + Guid.NewGuid().ToString("N"));

        counter.Add(1, new("status", 429), new("reason", "a\"b"));
        counter.Add(1, new("reason", "a\"b"), new("status", 429));

        Assert.Contains($"{Name(counter)}_total{{reason=\"a\\\"b\",status=\"429\"}} 2\n", exporter.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtimes_pauses_collections_and_pool_queue_are_shown_as_totals_read_not_added_up()
    {
        using var exporter = new PrometheusExporter();
        GC.Collect(0);

        var first = exporter.Render();
        var second = exporter.Render();

        Assert.Contains("# TYPE dotnet_gc_pause_time_total counter", first, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total{gc_heap_generation=\"gen0\"}", first, StringComparison.Ordinal);
        Assert.Equal("# TYPE dotnet_thread_pool_queue_length gauge", first.Split('\n').Single(l => l.StartsWith("# TYPE dotnet_thread_pool_queue_length", StringComparison.Ordinal)));
        // Read twice without a collection in between, a running total stays where it was instead of doubling.
        Assert.Equal(Value(first, "dotnet_gc_collections_total{gc_heap_generation=\"gen2\"}"), Value(second, "dotnet_gc_collections_total{gc_heap_generation=\"gen2\"}"));
        Assert.True(Value(first, "dotnet_gc_collections_total{gc_heap_generation=\"gen0\"}") >= 1);
    }

    private static double Value(string metrics, string series) =>
        double.Parse(metrics.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(Instrument instrument) => instrument.Name.Replace('.', '_');
}
