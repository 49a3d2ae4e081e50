namespace CET4Trainer.Core.Features.Items;

// A problem found while importing: where it is (item number or CSV line) and what is wrong.
public sealed record ImportProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}：{Message}";
}

public sealed record ImportResult(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportResult Failed(params ImportProblem[] problems) => new(0, problems);
}
