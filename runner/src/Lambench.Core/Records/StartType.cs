namespace Lambench.Core.Records;

public enum StartType
{
    Warm,
    Cold,
}
