namespace ClickTrace.Traffic.DemoShop;

/// <summary>How a simulated visitor behaves in the demo shop.</summary>
public enum VisitProfile
{
    /// <summary>Looks at a category and a product or two, maybe searches, and leaves; some try the gift cards link.</summary>
    Browses,

    /// <summary>Puts something in the cart, tries the coupon button, which does nothing, clicks it again and again, and leaves.</summary>
    Frustrated,

    /// <summary>Starts the checkout and gives up at the screen the plan says.</summary>
    Abandons,

    /// <summary>Goes through the whole checkout and pays.</summary>
    Buys,
}
