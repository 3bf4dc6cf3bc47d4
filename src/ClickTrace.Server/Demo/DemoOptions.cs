using System.ComponentModel.DataAnnotations;

namespace ClickTrace.Server.Demo;

/// <summary>The demo site, its pages and its generated traffic. Section <c>ClickTrace:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "ClickTrace:Demo";

    /// <summary>Create the demo site at start-up and serve the demo page at /demo/ and the demo shop at /shop/. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The demo site's key, used by the demo pages' tag. Default "demo".</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "ClickTrace:Demo:SiteId must be 1-64 letters, digits, '-', '_' or '.'.")]
    public string SiteId { get; set; } = "demo";

    /// <summary>
    /// On a start with an empty store, fill the demo site with generated shop traffic (the traffic simulator's
    /// fast mode, with its planted problems) in the background. Default true.
    /// </summary>
    public bool Traffic { get; set; } = true;

    /// <summary>Load the traffic even when the store has events (<c>--demo</c> on the command line). Default false.</summary>
    public bool Load { get; set; }

    /// <summary>Visitors generated. Default 3,000 (about 100,000 events, loaded in seconds).</summary>
    [Range(1, 1_000_000, ErrorMessage = "ClickTrace:Demo:Visitors must be 1 to 1,000,000.")]
    public int Visitors { get; set; } = 3000;

    /// <summary>Days back the generated visits are spread over, ending now. Default 14.</summary>
    [Range(1, 90, ErrorMessage = "ClickTrace:Demo:Days must be 1 to 90.")]
    public int Days { get; set; } = 14;

    /// <summary>The generator's seed: the same seed gives the same visitors. Default 1.</summary>
    public int Seed { get; set; } = 1;
}
