using Lambench.Runner.Execution;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>The channel class of each <see cref="Channel"/>, on a target's clients.</summary>
public static class InvocationChannels
{
    public static IInvocationChannel For(Channel channel, Workload workload, RunTarget target, ProtocolSpec protocol, TimeProvider? time = null)
    {
        var drainTimeout = TimeSpan.FromSeconds(protocol.DrainTimeoutSeconds);
        return channel switch
        {
            Channel.Invoke => new InvokeChannel(target.Lambda, target.LoadLambda),
            Channel.Event => new EventChannel(target.Lambda, target.LoadLambda, target.Logs, target.DrainPollInterval, drainTimeout, time),
            Channel.Url => new FunctionUrlChannel(target.Lambda, target.FunctionUrls, target.LoadFunctionUrls),
            Channel.Api => new HttpApiChannel(target.Stacks, target.StackName, target.HttpApis, target.LoadHttpApis),
            Channel.Sqs => new SqsChannel(target.Sqs, target.StackName, workload, target.DrainPollInterval, drainTimeout, time),
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "no sender for this channel"),
        };
    }
}
