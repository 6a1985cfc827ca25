using Lambench.Core.Cost;

namespace Lambench.Core.Tests.Cost;

public class PriceCatalogLoaderTests
{
    [Fact]
    public void Loads_the_shipped_us_east_1_prices_with_their_sources()
    {
        var prices = PriceCatalogLoader.Load();
        Assert.Equal(("us-east-1", "USD", "data/prices/us-east-1.yaml"), (prices.Region, prices.Currency, prices.Origin));
        Assert.Equal([0.0000166667m, 0.000015m, 0.0000133334m], prices.Lambda.Compute["x86_64"].Tiers.Select(t => t.UsdPerGbSecond));
        Assert.Equal([7_500_000_000m, 18_750_000_000m, (decimal?)null], prices.Lambda.Compute["arm64"].Tiers.Select(t => t.UpToGbSeconds));
        Assert.Equal(new DateOnly(2025, 8, 1), prices.Lambda.InitBilling.AllOnDemandZipFrom);
        Assert.All(new SourcedPrice[] { prices.Lambda.Compute["arm64"], prices.Lambda.Requests, prices.Dynamodb.OnDemand, prices.Sqs.Standard }, p => Assert.StartsWith("http", p.Source[(p.Source.IndexOf("http", StringComparison.Ordinal))..]));
    }

    [Fact]
    public void The_architecture_services_load_in_both_regions_and_say_what_is_unconfirmed()
    {
        var virginia = PriceCatalogLoader.Load();
        var saoPaulo = PriceCatalogLoader.LoadForRegion("sa-east-1");
        // AWS's own table: 0.0250 USD per 1,000 transitions in N. Virginia, 0.0375 in São Paulo; 4,000 free a month.
        Assert.Equal((0.025m, 4000L, true), (virginia.StepFunctions.Standard.UsdPerThousandTransitions, virginia.StepFunctions.Standard.FreeTransitionsPerMonth, virginia.StepFunctions.Standard.Confirmed));
        Assert.Equal((0.0375m, true), (saoPaulo.StepFunctions.Standard.UsdPerThousandTransitions, saoPaulo.StepFunctions.Standard.Confirmed));
        Assert.Equal((0.04048m, 0.004445m), (virginia.Fargate.Compute["x86_64"].UsdPerVcpuHour, virginia.Fargate.Compute["x86_64"].UsdPerGbHour));
        Assert.Equal((0.0557m, 0.00612m), (saoPaulo.Fargate.Compute["arm64"].UsdPerVcpuHour, saoPaulo.Fargate.Compute["arm64"].UsdPerGbHour));
        Assert.Equal([1000m, 5000m, (decimal?)null], virginia.StepFunctions.Express.Tiers.Select(t => t.UpToGbHours));
        Assert.Equal(["step_functions.express", "fargate", "s3.standard", "eventbridge"],
            virginia.UnconfirmedArchitectureItems(["lambda.requests", "step_functions.standard", "step_functions.express", "fargate", "s3.standard", "eventbridge"]));
        // Runs and reports of single functions are not told about services they do not use.
        Assert.Equal(["api_gateway.http_api"], virginia.UnconfirmedItems());
    }

    [Fact]
    public void An_override_file_changes_only_its_keys()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "lambda:\n  requests:\n    usd_per_million: 0.25\n    confirmed: false\n");
            var prices = PriceCatalogLoader.Load(overridePath: path);
            Assert.Equal((0.25m, false), (prices.Lambda.Requests.UsdPerMillion, prices.Lambda.Requests.Confirmed));
            Assert.Equal(0.0000166667m, prices.Lambda.Compute["x86_64"].Tiers[0].UsdPerGbSecond);
            Assert.Contains(path, prices.Origin);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sao_paulo_prices_load_and_say_which_figures_are_unconfirmed()
    {
        Assert.Equal(["api_gateway.http_api"], PriceCatalogLoader.Load().UnconfirmedItems());
        var saoPaulo = PriceCatalogLoader.LoadForRegion("sa-east-1");
        Assert.Equal(("sa-east-1", null), (saoPaulo.Region, saoPaulo.StandInFor));
        Assert.Equal(["lambda.compute.arm64", "lambda.compute.x86_64", "lambda.requests", "dynamodb.on_demand", "sqs.standard", "api_gateway.http_api", "cloudwatch_logs"], saoPaulo.UnconfirmedItems());
        Assert.True(saoPaulo.Lambda.FreeTier.Confirmed);
    }

    [Fact]
    public void A_region_without_a_price_file_gets_us_east_1_figures_all_unconfirmed()
    {
        var paris = PriceCatalogLoader.LoadForRegion("eu-west-3");
        Assert.Equal(("us-east-1", "eu-west-3", "eu-west-3"), (paris.Region, paris.StandInFor, paris.PricedRegion));
        Assert.Equal(["all figures"], paris.UnconfirmedItems());
        Assert.Contains("standing in for eu-west-3", paris.Origin);
        Assert.Throws<PriceCatalogException>(() => PriceCatalogLoader.LoadForRegion("../../etc/passwd"));
    }

    [Fact]
    public void Refuses_a_region_without_prices_and_says_what_to_do()
    {
        var error = Assert.Throws<PriceCatalogException>(() => PriceCatalogLoader.Load("eu-west-3"));
        Assert.Contains("no prices for region 'eu-west-3'", error.Message);
        Assert.Contains("us-east-1", error.Message);
    }

    [Theory]
    [InlineData("lambda:\n  requests:\n    usd_per_milion: 0.25\n", "line 3")]
    [InlineData("as_of: yesterday\n", "not a date")]
    [InlineData("lambda:\n  requests:\n    usd_per_million: -1\n", "lambda.requests.usd_per_million must be a positive number")]
    [InlineData("lambda:\n  compute:\n    arm64:\n      tiers:\n        - usd_per_gb_second: 0.1\n        - usd_per_gb_second: 0.2\n", "only the last tier")]
    [InlineData("fargate:\n  compute:\n    arm64:\n      usd_per_gb_hour: -0.5\n", "fargate.compute.arm64.usd_per_gb_hour must not be negative")]
    [InlineData("step_functions:\n  express:\n    tiers:\n      - { up_to_gb_hours: 5000, usd_per_gb_second: 0.1 }\n      - { up_to_gb_hours: 1000, usd_per_gb_second: 0.1 }\n      - { usd_per_gb_second: 0.1 }\n", "step_functions.express.tiers[1]: bounds must be above 0 and grow")]
    [InlineData("step_functions:\n  express:\n    tiers:\n      - { up_to_gb_hours: 0, usd_per_gb_second: 0.1 }\n      - { usd_per_gb_second: 0.1 }\n", "step_functions.express.tiers[0]: bounds must be above 0")]
    public void Names_the_file_and_what_is_wrong(string yaml, string expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, yaml);
            var error = Assert.Throws<PriceCatalogException>(() => PriceCatalogLoader.Load(overridePath: path));
            Assert.Contains(path, error.Message);
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
