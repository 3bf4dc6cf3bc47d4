namespace ClickTrace.DemoShop;

/// <summary>Runs the shop on its own: <c>dotnet run --project samples/DemoShop</c>, then http://localhost:5090/shop/.</summary>
public static class Program
{
    public static void Main(string[] args) => ShopHost.Build(args).Run();
}
