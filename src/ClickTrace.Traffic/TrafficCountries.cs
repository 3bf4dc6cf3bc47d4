namespace ClickTrace.Traffic;

/// <summary>
/// A visitor's country in generated traffic, fixed by the visitor id (so it draws nothing from the random
/// sequence that the planted truths depend on): a shop selling mostly in Europe and North America.
/// </summary>
public static class TrafficCountries
{
    // Weights in twentieths: DE 5, US 4, GB 3, FR 2, NL 2, AT 1, CH 1, CA 1, and one twentieth unknown.
    private static readonly string[] Table = ["DE", "DE", "DE", "DE", "DE", "US", "US", "US", "US", "GB", "GB", "GB", "FR", "FR", "NL", "NL", "AT", "CH", "CA", ""];

    public static string For(ulong visitor) => Table[(int)((uint)((visitor * 0x9E3779B97F4A7C15UL) >> 32) % (uint)Table.Length)];
}
