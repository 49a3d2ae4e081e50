namespace CET4Trainer.Core.Features.Accounts;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool DemoData { get; set; }

    // With DemoData: also give the demo teacher a class of 30 demo students with three weeks of history.
    // Off in tests that need the demo teacher to start with nothing.
    public bool DemoClass { get; set; } = true;

    // Empty means: generate a random password on first start and write it to data/demo-accounts.txt.
    public string DemoPassword { get; set; } = "";
}
