using Lambench.Runner.Loads;

namespace Lambench.Runner.Tests;

public sealed class LoadRequestTests
{
    [Theory]
    [InlineData(0L, "payment-20261204-165451-1835-00002-1-r0000000")]
    [InlineData(1234L, "payment-20261204-165451-1835-00002-1-r0001234")]
    [InlineData(12_345_678L, "payment-20261204-165451-1835-00002-1-r12345678")] // past seven digits: a longer number
    public void A_requests_batch_id_is_its_steps_and_its_number_and_gives_the_steps_back(long sequence, string expected)
    {
        const string step = "payment-20261204-165451-1835-00002-1";
        Assert.Equal(expected, LoadRequest.BatchIdOf(step, sequence));
        Assert.Equal(step, LoadRequest.StepBatchId(expected));
    }

    [Theory]
    [InlineData("payment-20261204-165451-1835-00002-1")] // a step's own batch id
    [InlineData("payment-20261204-165451-1835-00002-1-rewarm")]
    [InlineData("x-r12345")] // fewer than seven digits: not a request's
    [InlineData("-r0000001")]
    public void Other_batch_ids_have_no_step(string batchId) => Assert.Null(LoadRequest.StepBatchId(batchId));
}
