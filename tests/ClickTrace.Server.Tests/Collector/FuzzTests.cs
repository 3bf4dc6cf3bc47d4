using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;
using Xunit.Abstractions;

namespace ClickTrace.Server.Tests.Collector;

/// <summary>
/// Hostile input at volume: random bytes and mutations of valid batches in every encoding, sent to a
/// running collector. Whatever arrives, the answer is a 2xx or a 4xx problem document, never a 5xx.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Bodies = 10_000;
    private static readonly string[] ContentTypes = ["application/json", "text/plain", "text/plain;charset=UTF-8", "application/msgpack", "application/x-msgpack", "application/xml", "", "multipart/form-data; boundary=x"];

    [Fact]
    public async Task Ten_thousand_random_and_mutated_bodies_get_no_5xx_and_every_refusal_is_a_problem_document()
    {
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("fuzz"));
        await app.CreateSiteAsync("fuzz");
        // CLICKTRACE_FUZZ_SEED replays a failing run exactly.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CLICKTRACE_FUZZ_SEED"), out var fixedSeed) ? fixedSeed : Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();

        await Parallel.ForAsync(0, Bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var random = new Random(seed + i);
            var (body, contentType, gzip) = Body(random);
            using var content = new ByteArrayContent(gzip ? Gzip(body, random) : body);
            if (contentType.Length > 0) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            if (gzip) content.Headers.ContentEncoding.Add(random.Next(10) == 0 ? "br" : "gzip");
            using var response = await app.Http.PostAsync("/api/collect", content);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Enqueue($"#{i} {(int)response.StatusCode}: {text}");
            else if (!response.IsSuccessStatusCode && !IsProblem(response, text)) failures.Enqueue($"#{i} {(int)response.StatusCode} is not a problem document: {text}");
        });

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        foreach (var failure in failures.Take(5)) output.WriteLine(failure);
        foreach (var error in app.Errors.Entries.Take(3)) output.WriteLine(error);
        Assert.Empty(failures.Take(5));
        Assert.Equal(Bodies, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(202) > 100, "too few mutations stayed valid to reach the deeper steps");
        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static bool IsProblem(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        try
        {
            return (int?)JsonNode.Parse(text)?["status"] == (int)response.StatusCode;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static (byte[] Body, string ContentType, bool Gzip) Body(Random random)
    {
        var json = Encoding.UTF8.GetBytes(ValidBatch(random));
        var kind = random.Next(10);
        var body = kind switch
        {
            0 => RandomBytes(random, random.Next(0, 2000)),
            1 => MessagePack.MessagePackSerializer.ConvertFromJson(ValidBatch(random)),
            2 => Mutate(MessagePack.MessagePackSerializer.ConvertFromJson(ValidBatch(random)), random),
            3 => json,
            _ => Mutate(json, random),
        };
        var contentType = kind is 1 or 2 ? "application/msgpack" : random.Next(4) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : "text/plain";
        return (body, contentType, random.Next(8) == 0);
    }

    private static string ValidBatch(Random random)
    {
        var events = Enumerable.Range(0, random.Next(1, 25)).Select(_ => new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["t"] = random.Next(3) switch { 0 => "pageview", 1 => "click", _ => "custom" }, ["n"] = "signup",
            ["ts"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + random.Next(-1000, 1000), ["u"] = "https://shop.example/p?utm_source=x",
            ["s"] = "main > a#buy", ["tx"] = "Buy \"now\" <b>", ["x"] = random.Next(-10, 5000), ["y"] = random.Next(0, 20000), ["vw"] = 1280, ["vh"] = 800,
        });
        return new JsonObject { ["v"] = 1, ["site"] = "fuzz", ["sid"] = "00000000000000aa", ["events"] = new JsonArray(events.ToArray<JsonNode?>()) }.ToJsonString();
    }

    private static byte[] Mutate(byte[] body, Random random)
    {
        var bytes = body.ToList();
        for (var m = random.Next(1, 6); m > 0 && bytes.Count > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;                                   // flip a bit
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;                                   // truncate
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;                                  // insert a byte
                case 3: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)])); break;
                case 4: bytes.RemoveAt(at); break;                                                        // delete a byte
                case 5: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(50, bytes.Count - at))); break; // duplicate a run
                default: bytes[at] = (byte)Structural[random.Next(Structural.Length)]; break;             // a structural character
            }
        }
        return [.. bytes];
    }

    private const string Structural = "{}[]\",:0-9e";

    private static readonly string[] Tokens =
    [
        "null", "true", "-1", "1e309", "99999999999999999999", "\"\\u0000\"", "\"\\ud800\"", "[[[[[[[[[[", "{\"v\":", "\"site\":\"fuzz\",",
        "\"ts\":1.5,", new string('a', 3000), "\"t\":\"pageview\",", "\"id\":\"", ",,", "\u00ff\u00fe", "\"events\":[],",
    ];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Gzip(byte[] body, Random random)
    {
        if (random.Next(5) == 0) return RandomBytes(random, 100); // not gzip at all
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(body);
        var bytes = output.ToArray();
        return random.Next(5) == 0 ? bytes[..(bytes.Length / 2)] : bytes; // sometimes cut short
    }
}
