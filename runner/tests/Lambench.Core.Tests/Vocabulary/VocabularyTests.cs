using System.Text.Json;
using Lambench.Core.Vocabulary;

namespace Lambench.Core.Tests.Vocabulary;

public sealed class VocabularyTests
{
    [Fact]
    public void Names_are_the_spellings_files_already_use_and_json_writes_the_same()
    {
        Assert.Equal(["local", "aws"], Vocabulary<Platform>.Names);
        Assert.Equal("local", Platform.Local.Name());
        // System.Text.Json reads the same attribute: a value written to plan.json or the journal is its Name().
        Assert.Equal("\"local\"", JsonSerializer.Serialize(Platform.Local));
        Assert.Equal(Platform.Aws, JsonSerializer.Deserialize<Platform>("\"aws\""));
    }

    [Theory]
    [InlineData("AWS")]
    [InlineData(" aws")]
    [InlineData("Aws")]
    [InlineData("")]
    [InlineData("0")]
    public void Only_the_exact_spelling_parses(string name)
    {
        Assert.False(Vocabulary<Platform>.TryParse(name, out _));
        var error = Assert.Throws<FormatException>(() => Vocabulary<Platform>.Parse(name));
        Assert.Contains("expected one of local, aws", error.Message);
    }

    [Fact]
    public void An_undeclared_value_has_no_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Platform)7).Name());
    }
}
