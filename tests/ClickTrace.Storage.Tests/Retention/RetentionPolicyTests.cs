using ClickTrace.Core.Sites;
using ClickTrace.Storage.Retention;

namespace ClickTrace.Storage.Tests.Retention;

public sealed class RetentionPolicyTests
{
    [Theory]
    [InlineData(null, 730, 730)]
    [InlineData(30, 730, 30)]
    [InlineData(1000, 730, 730)]
    public void A_site_keeps_its_own_days_at_most_the_servers(int? own, int server, int expected) =>
        Assert.Equal(expected, RetentionPolicy.Days(new Site { Id = "s", Name = "S", RetentionDays = own }, server));

    [Fact]
    public void Only_a_site_that_keeps_fewer_days_than_the_server_is_swept()
    {
        Assert.True(RetentionPolicy.NeedsSweep(new Site { Id = "s", Name = "S", RetentionDays = 30 }, 730));
        Assert.False(RetentionPolicy.NeedsSweep(new Site { Id = "s", Name = "S", RetentionDays = 730 }, 730));
        Assert.False(RetentionPolicy.NeedsSweep(new Site { Id = "s", Name = "S" }, 730));
    }

    [Fact]
    public void The_cutoff_is_the_start_of_the_utc_day_so_many_days_back()
    {
        var now = new DateTimeOffset(2026, 12, 1, 21, 30, 0, TimeSpan.FromHours(2)); // 19:30 UTC

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), RetentionPolicy.Cutoff(now, 30));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), RetentionPolicy.Cutoff(now, 1));
    }

    [Theory]
    [InlineData("MergeTree PARTITION BY toYYYYMM(timestamp) ORDER BY (site_id) TTL toDateTime(timestamp) + toIntervalDay(730) SETTINGS index_granularity = 8192", 730)]
    [InlineData("AggregatingMergeTree PARTITION BY toYYYYMM(bucket) ORDER BY (site_id, bucket) TTL bucket + toIntervalDay(30) SETTINGS x = 1", 30)]
    [InlineData("MergeTree ORDER BY day SETTINGS index_granularity = 8192", null)]
    public void The_ttl_days_are_read_from_the_engine_description(string engine, int? days) =>
        Assert.Equal(days, EventRetention.TtlDays(engine));
}
