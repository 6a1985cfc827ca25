namespace Lambench.Load.Generation;

/// <summary>A closed loop's users for a while: a ramp of users is a list of levels, in order.</summary>
public sealed record UserLevel(int Users, TimeSpan Duration);
