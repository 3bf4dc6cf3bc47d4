using System.ComponentModel.DataAnnotations;

namespace ClickTrace.DemoShop;

/// <summary>Where the shop's tag comes from and which site it reports to. Section <c>Shop</c> (standalone) or <c>ClickTrace:Demo</c> (in ClickTrace).</summary>
public sealed class ShopOptions
{
    /// <summary>
    /// The ClickTrace host that serves /ct.js and /api/collect, e.g. <c>http://localhost:5080</c>. Empty: the
    /// host the shop is served from (when ClickTrace mounts it).
    /// </summary>
    [Url(ErrorMessage = "Shop:ClickTraceUrl must be an absolute http(s) URL.")]
    public string? ClickTraceUrl { get; set; } = "http://localhost:5080";

    /// <summary>The site key of the tag's data-site attribute. Default "demo".</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Shop:SiteKey must be 1-64 letters, digits, '-', '_' or '.'.")]
    public string SiteKey { get; set; } = "demo";
}
