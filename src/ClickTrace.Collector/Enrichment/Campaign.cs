namespace ClickTrace.Collector.Enrichment;

/// <summary>The campaign facts of a landing URL: UTM parameters and the kind of ad click id.</summary>
public sealed record Campaign(string Source, string Medium, string Name, string Content, string Term, string ClickIdType)
{
    public static readonly Campaign None = new("", "", "", "", "", "");

    public bool IsEmpty => this == None;
}
