using ClickTrace.Collector.Log;

namespace ClickTrace.Collector.Tests.Log;

public sealed class ShipCheckpointTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_saved_checkpoint_loads_with_its_inflight_range()
    {
        new ShipCheckpoint(new LogPosition(2, 10), (new LogPosition(2, 10), new LogPosition(3, 400))).Save(_folder.Path);

        var loaded = ShipCheckpoint.Load(_folder.Path)!;

        Assert.Equal(new LogPosition(2, 10), loaded.Shipped);
        Assert.Equal((new LogPosition(2, 10), new LogPosition(3, 400)), loaded.Inflight);
    }

    [Fact]
    public void No_file_means_no_checkpoint() => Assert.Null(ShipCheckpoint.Load(_folder.Path));

    [Fact]
    public void The_token_of_a_range_is_stable_and_distinct() =>
        Assert.Equal(
            ("wal-1.0-2.5", false),
            (ShipCheckpoint.TokenOf(new(1, 0), new(2, 5)), ShipCheckpoint.TokenOf(new(1, 0), new(2, 5)) == ShipCheckpoint.TokenOf(new(1, 0), new(2, 6))));
}
