namespace ClickTrace.Collector.Enrichment;

/// <summary>What a User-Agent says: browser and OS family, device class, and whether it is a bot.</summary>
public sealed record UserAgentInfo(string Browser, string Os, string Device, bool IsBot)
{
    public static readonly UserAgentInfo Unknown = new("", "", "", false);
}
