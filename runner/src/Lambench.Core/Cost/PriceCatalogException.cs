namespace Lambench.Core.Cost;

/// <summary>A price file that cannot be used; the message names the file and the field or line.</summary>
public sealed class PriceCatalogException(string message, Exception? inner = null) : Exception(message, inner);
