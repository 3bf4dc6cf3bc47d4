using ClickTrace.Collector.Enrichment;

namespace ClickTrace.Collector.Tests.Enrichment;

public sealed class ReferrerClassifierTests
{
    private static readonly ReferrerClassifier Classifier = new();
    private const string Page = "https://shop.example/products";

    [Theory]
    [InlineData("", "", "direct")]
    [InlineData("https://shop.example/home", "shop.example", "internal")]
    [InlineData("https://www.shop.example/home", "shop.example", "internal")]
    [InlineData("https://www.google.co.uk/search?q=mugs", "google.co.uk", "search")]
    [InlineData("https://www.google.com/", "google.com", "search")]
    [InlineData("https://duckduckgo.com/", "duckduckgo.com", "search")]
    [InlineData("https://t.co/abc", "t.co", "social")]
    [InlineData("https://l.facebook.com/l.php", "l.facebook.com", "social")]
    [InlineData("https://mail.google.com/mail/u/0/", "mail.google.com", "email")]
    [InlineData("https://someblog.example/post", "someblog.example", "other")]
    [InlineData("not a url", "", "direct")]
    [InlineData("javascript:alert(1)", "", "direct")]
    public void Referrers_are_classified(string referrer, string host, string kind) =>
        Assert.Equal((host, kind), Classifier.Classify(referrer, Page, Campaign.None));

    [Fact]
    public void A_notgoogle_domain_is_not_google() =>
        Assert.Equal("other", Classifier.Classify("https://notgoogle.com/", Page, Campaign.None).Class);

    [Theory]
    [InlineData("https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=spring", "https://www.google.com/")]
    [InlineData("https://shop.example/?fbclid=IwAR123", "https://l.facebook.com/")]
    [InlineData("https://shop.example/?utm_source=newsletter", "")]
    public void Paid_mediums_click_ids_and_tagged_direct_visits_are_campaigns(string url, string referrer) =>
        Assert.Equal("campaign", Classifier.Classify(referrer, url, Classifier.CampaignOf(url)).Class);

    [Fact]
    public void Utm_parameters_and_the_click_id_type_are_read_from_the_url()
    {
        var campaign = Classifier.CampaignOf("https://shop.example/p?utm_source=News%20letter&utm_medium=email&utm_campaign=spring-b&utm_content=hero&utm_term=mugs&msclkid=xyz#top");

        Assert.Equal(new Campaign("News letter", "email", "spring-b", "hero", "mugs", "msclkid"), campaign);
    }

    [Fact]
    public void A_url_without_parameters_has_no_campaign() =>
        Assert.True(Classifier.CampaignOf("https://shop.example/p#utm_source=x").IsEmpty);
}
