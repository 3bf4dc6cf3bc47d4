using System.Text;
using System.Text.Json;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Tests.Ingestion;

/// <summary>The hand-rolled reader against System.Text.Json's source-generated one, which is the reference for the grammar.</summary>
public sealed class WireJsonReaderTests
{
    private const string Valid = """
        {"v":1,"site":"shop","sid":"00000000000000ff","vid":"0000000000000aaa","events":[
        {"id":"6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"pageview","ts":1795568624577,"u":"https://shop.example/p?utm_source=x","r":"https://www.google.com/","ti":"Blue mug \u00B7 shop","vw":1280,"vh":800},
        {"id":"7f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"click","ts":1795568624579,"u":"https://shop.example/p","s":"main \u003E button","tg":"button","tx":"Add","h":null,"x":22,"y":3045,"extra":{"a":[1,2]}},
        {"id":"8f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"custom","ts":1,"n":"signup","p":{"plan":"pro","revenue":49.90,"trial":true,"seats":3,"none":null,"deep":{"a":[1]}}},
        {"id":"9f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"click","ts":2,"s":"#hero","ex":12,"ey":7,"i":1,"ad":"summer-b"},
        {"id":"af1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"engage","ts":3,"d":61234,"sd":87,"c":0,"nf":1,"ln":42}]}
        """;

    [Fact]
    public void Reads_every_field_the_reference_reads()
    {
        var body = Encoding.UTF8.GetBytes(Valid);

        Assert.Equal(Reference(body), Json(WireJsonReader.Read(body)));
    }

    [Fact]
    public void Scan_keeps_the_header_and_each_events_key_without_building_events()
    {
        var keys = new List<EventKey>();

        var batch = WireJsonReader.Scan(Encoding.UTF8.GetBytes(Valid), keys);

        Assert.Equal(("shop", "00000000000000ff", null as List<WireEvent>), (batch.Site, batch.SessionId, batch.Events));
        Assert.Equal([EventType.Pageview, EventType.Click, EventType.Custom, EventType.Click, EventType.Engage], keys.Select(k => k.Type!.Value));
        Assert.Equal(Guid.Parse("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69"), keys[0].Id);
        Assert.Equal([false, false, true, false, false], keys.Select(k => k.HasName));
    }

    [Fact]
    public void Escaped_ids_types_and_keys_mean_what_they_spell()
    {
        var body = Encoding.UTF8.GetBytes("""{"v":1,"site":"shop","events":[{"\u0069d":"6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a6\u0039","t":"cl\u0069ck"}]}""");
        var keys = new List<EventKey>();

        WireJsonReader.Scan(body, keys);

        Assert.Equal(new EventKey(Guid.Parse("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69"), EventType.Click, false), Assert.Single(keys));
    }

    [Theory]
    [InlineData("\\uD800")]
    [InlineData("\\uDC00x")]
    public void Text_that_unescapes_to_a_lone_surrogate_is_refused_by_the_scan_so_the_shipper_never_meets_it(string escaped)
    {
        var body = Encoding.UTF8.GetBytes("{\"v\":1,\"site\":\"shop\",\"events\":[{\"id\":\"6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69\",\"t\":\"click\",\"tx\":\"" + escaped + "\"}]}");

        Assert.Equal(400, Assert.Throws<BatchError>(() => WireJsonReader.Scan(body, [])).Status);
        Assert.Null(Reference(body));
    }

    [Fact]
    public void Properties_keep_scalars_as_text_and_skip_nulls_objects_and_arrays()
    {
        var custom = WireJsonReader.Read(Encoding.UTF8.GetBytes(Valid)).Events![2];

        Assert.Equal(new Dictionary<string, string> { ["plan"] = "pro", ["revenue"] = "49.90", ["trial"] = "true", ["seats"] = "3" }, custom.Properties);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""[1]""")]
    [InlineData(""""x"""")]
    public void Properties_that_repeat_a_key_or_are_not_an_object_are_refused(string properties)
    {
        var body = Encoding.UTF8.GetBytes("""{"v":1,"site":"shop","events":[{"id":"6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"custom","n":"x","p":""" + properties + "}]}");

        Assert.Equal(400, Assert.Throws<BatchError>(() => WireJsonReader.Scan(body, [])).Status);
        Assert.Equal(400, Assert.Throws<BatchError>(() => WireJsonReader.Read(body)).Status);
        Assert.Null(Reference(body));
    }

    [Fact]
    public void More_than_64_properties_are_refused_by_both_readers()
    {
        var many = "{" + string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"k{i}\":{i}")) + "}";
        var body = Encoding.UTF8.GetBytes("""{"v":1,"site":"shop","events":[{"id":"6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"custom","n":"x","p":""" + many + "}]}");

        Assert.Equal(400, Assert.Throws<BatchError>(() => WireJsonReader.Scan(body, [])).Status);
        Assert.Null(Reference(body));
    }

    [Fact]
    public void Scan_and_read_accept_and_refuse_exactly_what_the_reference_does_on_ten_thousand_mutations()
    {
        var random = new Random(20261125);
        var valid = Encoding.UTF8.GetBytes(Valid);
        string[] splices = ["\"", "{", "}", "[", "]", ",", ":", "null", "1.5", "-1", "99999999999", "\"x\"", "true", "\\u00e9", "\"t\":", "\"v\":1,", "\"x\":1,", "\"p\":{}", "\"ad\":", "{\"a\":[1]}"];
        for (var i = 0; i < 10_000; i++)
        {
            var body = Mutate(valid, splices, random);
            var expected = Reference(body);
            var read = Attempt(() => Json(WireJsonReader.Read(body)));
            var scanned = Attempt(() => WireJsonReader.Scan(body, []).Site ?? "");

            var text = Encoding.UTF8.GetString(body);
            Assert.True(expected == read, $"Read disagrees with the reference on: {text}\nreference: {expected}\nread: {read}");
            Assert.True((expected is null) == (scanned is null), $"Scan disagrees with the reference on: {text}");
        }
    }

    private static byte[] Mutate(byte[] valid, string[] splices, Random random)
    {
        var bytes = valid.ToList();
        for (var n = random.Next(1, 3); n > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes.RemoveRange(at, Math.Min(random.Next(1, 6), bytes.Count - at)); break;
                case 1: bytes.InsertRange(at, Encoding.UTF8.GetBytes(splices[random.Next(splices.Length)])); break;
                case 2: bytes[at] = (byte)random.Next(32, 256); break; // past 127: also bytes that are not UTF-8
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>The reference's reading, re-serialized; null when it refuses the body.</summary>
    private static string? Reference(byte[] body) => Attempt(() =>
        Json(JsonSerializer.Deserialize(body, WireJsonContext.Default.WireBatch) ?? throw new JsonException("null")));

    private static string Json(WireBatch batch) => JsonSerializer.Serialize(batch, WireJsonContext.Default.WireBatch);

    private static string? Attempt(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is JsonException or BatchError or InvalidOperationException)
        {
            return null;
        }
    }
}
