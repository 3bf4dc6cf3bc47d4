using System.Diagnostics.Metrics;
using ClickTrace.Collector.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Collector.Tests;

internal static class TestMetrics
{
    public static IMeterFactory Factory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static CollectorMetrics Collector(out IMeterFactory factory)
    {
        factory = Factory();
        return new CollectorMetrics(factory);
    }
}
