using System.Buffers;
using ClickTrace.Core.Events;
using MessagePack;

namespace ClickTrace.Collector.Log;

/// <summary>
/// A log record's payload: the events of one accepted request, as MessagePack
/// <c>[version, [[field, ...], ...]]</c>. Fields are positional; a new field is appended and the version
/// raised, and <see cref="Read"/> keeps reading every older version.
/// </summary>
public static class EventBatchCodec
{
    public const int Version = 1;
    private const int Fields = 33;

    public static void Write(IBufferWriter<byte> output, IReadOnlyList<TrackedEvent> events)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(2);
        writer.Write(Version);
        writer.WriteArrayHeader(events.Count);
        var id = new byte[16];
        foreach (var e in events)
        {
            writer.WriteArrayHeader(Fields);
            e.EventId.TryWriteBytes(id);
            writer.Write(id);
            writer.Write(e.SiteId);
            writer.Write((byte)e.Type);
            writer.Write(e.Timestamp.ToUnixTimeMilliseconds());
            writer.Write(e.ReceivedAt.ToUnixTimeMilliseconds());
            writer.Write(e.SessionId);
            writer.Write(e.VisitorId);
            writer.Write(e.Url);
            writer.Write(e.Path);
            writer.Write(e.Referrer);
            writer.Write(e.Title);
            writer.Write(e.Selector);
            writer.Write(e.Tag);
            writer.Write(e.Text);
            writer.Write(e.Href);
            writer.Write(e.X);
            writer.Write(e.Y);
            writer.Write(e.ViewportWidth);
            writer.Write(e.ViewportHeight);
            writer.Write(e.Name);
            writer.Write(e.Device);
            writer.Write(e.Browser);
            writer.Write(e.Os);
            writer.Write(e.IsBot);
            writer.Write(e.ReferrerHost);
            writer.Write(e.ReferrerClass);
            writer.Write(e.UtmSource);
            writer.Write(e.UtmMedium);
            writer.Write(e.UtmCampaign);
            writer.Write(e.UtmContent);
            writer.Write(e.UtmTerm);
            writer.Write(e.ClickIdType);
            writer.Write((byte)e.Flags);
        }
        writer.Flush();
    }

    public static byte[] Encode(IReadOnlyList<TrackedEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 256 + 16);
        Write(buffer, events);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a payload; throws <see cref="MessagePackSerializationException"/> or <see cref="FormatException"/> when it is not one.</summary>
    public static List<TrackedEvent> Read(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        if (reader.ReadArrayHeader() != 2) throw new FormatException("Not an event batch.");
        var version = reader.ReadInt32();
        if (version != Version) throw new FormatException($"Event batch version {version} is not known to this collector.");
        var count = reader.ReadArrayHeader();
        var events = new List<TrackedEvent>(count);
        for (var i = 0; i < count; i++)
        {
            if (reader.ReadArrayHeader() != Fields) throw new FormatException("An event has the wrong number of fields.");
            events.Add(new TrackedEvent
            {
                EventId = new Guid(reader.ReadBytes()!.Value.ToArray()),
                SiteId = Text(ref reader),
                Type = (EventType)reader.ReadByte(),
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()),
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()),
                SessionId = reader.ReadUInt64(),
                VisitorId = reader.ReadUInt64(),
                Url = Text(ref reader),
                Path = Text(ref reader),
                Referrer = Text(ref reader),
                Title = Text(ref reader),
                Selector = Text(ref reader),
                Tag = Text(ref reader),
                Text = Text(ref reader),
                Href = Text(ref reader),
                X = reader.ReadInt32(),
                Y = reader.ReadInt32(),
                ViewportWidth = reader.ReadUInt16(),
                ViewportHeight = reader.ReadUInt16(),
                Name = Text(ref reader),
                Device = Text(ref reader),
                Browser = Text(ref reader),
                Os = Text(ref reader),
                IsBot = reader.ReadBoolean(),
                ReferrerHost = Text(ref reader),
                ReferrerClass = Text(ref reader),
                UtmSource = Text(ref reader),
                UtmMedium = Text(ref reader),
                UtmCampaign = Text(ref reader),
                UtmContent = Text(ref reader),
                UtmTerm = Text(ref reader),
                ClickIdType = Text(ref reader),
                Flags = (EventFlags)reader.ReadByte(),
            });
        }
        return events;
    }

    private static string Text(ref MessagePackReader reader) => reader.ReadString() ?? "";
}
