using ClickTrace.Collector.Ingestion;
using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Tests.Ingestion;

public sealed class EventRulesTests
{
    [Theory]
    [InlineData(null, "pageview", null, DropReason.InvalidId)]
    [InlineData("not-a-uuid", "pageview", null, DropReason.InvalidId)]
    [InlineData("6f1c2a4e8a8b4a8e9f551e2d3c4b5a6", "pageview", null, DropReason.InvalidId)]
    [InlineData("6f1c2a4e8a8b4a8e9f551e2d3c4b5a69z", "pageview", null, DropReason.InvalidId)]
    [InlineData("{6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69}", "pageview", null, DropReason.InvalidId)]
    [InlineData("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69", "scroll", null, DropReason.UnknownType)]
    [InlineData("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69", "PAGEVIEW", null, DropReason.UnknownType)]
    [InlineData("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69", "custom", " ", DropReason.MissingName)]
    public void Invalid_events_are_dropped_with_a_reason(string? id, string type, string? name, DropReason expected)
    {
        var e = Build.Pageview(id);
        e.Id = id;
        e.Type = type;
        e.Name = name;

        Assert.Equal(expected, EventRules.Check(EventKey.Of(e)));
    }

    [Fact]
    public void A_valid_custom_event_passes_with_its_id_and_type()
    {
        var e = Build.Pageview("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69");
        e.Type = "custom";
        e.Name = "signup";

        var key = EventKey.Of(e);

        Assert.Null(EventRules.Check(key));
        Assert.Equal((Guid.Parse("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69"), EventType.Custom), (key.Id, key.Type));
    }

    [Theory]
    [InlineData("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69")]
    [InlineData("6f1c2a4e8a8b4a8e9f551e2d3c4b5a69")]
    public void An_id_may_be_written_with_or_without_hyphens(string id)
    {
        var e = Build.Pageview(id);

        Assert.Equal(Guid.Parse("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69"), EventKey.Of(e).Id);
        Assert.Equal(EventIds.Parse(System.Text.Encoding.UTF8.GetBytes(id)), EventKey.Of(e).Id);
    }

    [Theory]
    [InlineData("pageview", "pv", EventType.Pageview)]
    [InlineData("identify", "ident", EventType.Identify)]
    [InlineData("impression", "imp", EventType.Impression)]
    [InlineData("adview", "adv", EventType.AdView)]
    [InlineData("submit", "sub", EventType.Submit)]
    [InlineData("abandon", "aban", EventType.Abandon)]
    [InlineData("errclick", "errc", EventType.ErrorClick)]
    [InlineData("engage", "eng", EventType.Engage)]
    public void A_type_may_be_sent_by_its_short_wire_name_and_is_stored_by_its_long_one(string name, string shortName, EventType type)
    {
        Assert.True(EventTypes.TryParse(shortName, out var fromShort));
        Assert.True(EventTypes.TryParse(System.Text.Encoding.UTF8.GetBytes(shortName), out var fromUtf8));
        Assert.True(EventTypes.TryParse(name, out var fromLong));
        Assert.Equal((type, type, type), (fromShort, fromUtf8, fromLong));
        Assert.Equal(name, type.Name());
    }

    [Fact]
    public void A_repeated_id_is_dropped_the_second_time_only()
    {
        var first = Build.Pageview();
        var keys = new[] { first, Build.Pageview(), Build.Pageview(first.Id) }.Select(EventKey.Of).ToList();

        Assert.Equal([null, null, DropReason.DuplicateInBatch], EventRules.CheckAll(keys));
    }
}
