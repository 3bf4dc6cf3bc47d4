using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace ClickTrace.Collector.Observability;

/// <summary>
/// Listens to ClickTrace's meters and ASP.NET Core's request duration, aggregates in memory (counters as
/// sums, histograms in fixed buckets, gauges as last values) and renders Prometheus' text format.
/// Bounded: at most <see cref="MaxSeries"/> label sets; more are dropped rather than grown.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private const int MaxSeries = 2000;
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] SizeBuckets = [1, 10, 100, 1000, 5000, 10_000, 50_000, 100_000];
    private static readonly double[] RecordBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 1024];
    private static readonly string[] Meters = [Ingestion.CollectorMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Runtime"];

    // The runtime's own numbers that explain a collector's latency: time paused by the garbage collector, its
    // collections per generation, and work waiting for the thread pool.
    private static readonly string[] RuntimeInstruments =
        ["dotnet.gc.pause.time", "dotnet.gc.collections", "dotnet.thread_pool.queue.length", "dotnet.thread_pool.thread.count", "dotnet.process.memory.working_set"];

    // Levels that go up and down, which the runtime (.NET 10) publishes as observable counters: shown as gauges.
    private static readonly string[] RuntimeLevels = ["dotnet.thread_pool.queue.length", "dotnet.thread_pool.thread.count"];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Series> _series = new();
    // The series of each instrument and tag values, found without formatting the labels (every request records
    // a duration): the label text is built once per new combination.
    private readonly ConcurrentDictionary<TagKey, Series> _byTags = new();

    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Meters.Contains(instrument.Meter.Name)
                && (instrument.Meter.Name != "Microsoft.AspNetCore.Hosting" || instrument.Name == "http.server.request.duration")
                && (instrument.Meter.Name != "System.Runtime" || RuntimeInstruments.Contains(instrument.Name)))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagKey = TagKey.Of(instrument, tags);
        if (!_byTags.TryGetValue(tagKey, out var series))
        {
            var key = (instrument.Name, Labels(tags));
            if (!_series.TryGetValue(key, out series))
            {
                if (_series.Count >= MaxSeries) return;
                series = _series.GetOrAdd(key, _ => new Series(instrument));
            }
            if (_byTags.Count < 4 * MaxSeries) _byTags.TryAdd(tagKey, series);
        }
        series.Add(value);
    }

    /// <summary>The tags that become labels; every other tag is left out of the series.</summary>
    private static readonly string[] LabelKeys = ["reason", "status", "http.route", "http.response.status_code", "http.request.method", "gc.heap.generation"];

    /// <summary>An instrument and the values of its <see cref="LabelKeys"/> tags, in that order, compared by value.</summary>
    private readonly record struct TagKey(Instrument Instrument, object? V0, object? V1, object? V2, object? V3, object? V4, object? V5)
    {
        public static TagKey Of(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Span<object?> values = [null, null, null, null, null, null];
            foreach (var (key, value) in tags)
                if (Array.IndexOf(LabelKeys, key) is var at and >= 0) values[at] = value;
            return new TagKey(instrument, values[0], values[1], values[2], values[3], values[4], values[5]);
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty) return "";
        var parts = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
            if (LabelKeys.Contains(key))
                parts.Add($"{Name(key)}=\"{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}\"");
        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    /// <summary>The current values in Prometheus' text exposition format (version 0.0.4).</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var group in _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Labels, StringComparer.Ordinal).GroupBy(s => s.Key.Name))
        {
            var first = group.First().Value;
            var name = Name(group.Key) + first.Suffix;
            text.Append("# HELP ").Append(name).Append(' ').Append(first.Instrument.Description?.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(first.Type).Append('\n');
            foreach (var ((_, labels), series) in group) series.Write(text, name, labels);
        }
        return text.ToString();
    }

    private static string Name(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public void Dispose() => _listener.Dispose();

    private sealed class Series(Instrument instrument)
    {
        private readonly double[]? _bounds = instrument is Histogram<double> or Histogram<long>
            ? instrument.Unit == "s" ? Buckets : instrument.Unit == "{record}" ? RecordBuckets : SizeBuckets
            : null;
        private readonly Lock _gate = new();
        private double _value;
        private long _count;
        private long[] _buckets = [];

        public Instrument Instrument => instrument;
        private bool IsGauge => instrument.GetType() is { IsGenericType: true } type
            && type.GetGenericTypeDefinition() is var kind && (kind == typeof(ObservableGauge<>) || kind == typeof(ObservableUpDownCounter<>)
                || RuntimeLevels.Contains(instrument.Name));
        // An observable counter reports its running total each time it is read: kept as it is, not added up.
        private bool IsObserved => instrument.IsObservable;
        public string Type => _bounds is not null ? "histogram" : IsGauge ? "gauge" : "counter";
        public string Suffix => _bounds is not null ? (instrument.Unit == "s" ? "_seconds" : "") : IsGauge ? "" : "_total";

        public void Add(double value)
        {
            lock (_gate)
            {
                if (IsObserved) { _value = value; return; }
                _value += value;
                _count++;
                if (_bounds is null) return;
                if (_buckets.Length == 0) _buckets = new long[_bounds.Length];
                for (var i = 0; i < _bounds.Length; i++) if (value <= _bounds[i]) _buckets[i]++;
            }
        }

        public void Write(StringBuilder text, string name, string labels)
        {
            lock (_gate)
            {
                if (_bounds is null)
                {
                    Line(text, name, labels, _value);
                    return;
                }
                var prefix = labels.Length > 0 ? labels + "," : "";
                for (var i = 0; i < _bounds.Length; i++)
                    Line(text, name + "_bucket", prefix + $"le=\"{_bounds[i].ToString(CultureInfo.InvariantCulture)}\"", _buckets.Length > 0 ? _buckets[i] : 0);
                Line(text, name + "_bucket", prefix + "le=\"+Inf\"", _count);
                Line(text, name + "_sum", labels, _value);
                Line(text, name + "_count", labels, _count);
            }
        }

        private static void Line(StringBuilder text, string name, string labels, double value) =>
            text.Append(name).Append(labels.Length > 0 ? "{" + labels + "}" : "").Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }
}
