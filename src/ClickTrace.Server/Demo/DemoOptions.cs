using System.ComponentModel.DataAnnotations;

namespace ClickTrace.Server.Demo;

/// <summary>The demo site and page. Section <c>ClickTrace:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "ClickTrace:Demo";

    /// <summary>Create the demo site at start-up and serve the demo page at /demo/. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The demo site's key, used by the demo page's tag. Default "demo".</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "ClickTrace:Demo:SiteId must be 1-64 letters, digits, '-', '_' or '.'.")]
    public string SiteId { get; set; } = "demo";
}
