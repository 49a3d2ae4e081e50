namespace CET4Trainer.Core.Features.Feynman;

public enum FeynmanRole
{
    Student = 1,
    Tutor = 2,
}

public sealed record FeynmanLine(FeynmanRole Role, string Text);

// One step of a Feynman exercise as the engines see it: the topic, what a good explanation covers, and
// what was said so far. The student appears only as "Student" in the transcript: no name, no id.
public sealed record FeynmanInput(
    FeynmanTopicKind Kind,
    string Title,
    string Reference,
    IReadOnlyList<FeynmanConcept> Concepts,
    // A word topic: an example sentence has to use one of these (the headword and its forms).
    IReadOnlyList<string> ExampleWords,
    IReadOnlyList<string> Probes,
    IReadOnlyList<FeynmanLine> Transcript,
    int QuestionNumber,
    int MaxQuestions)
{
    public IEnumerable<string> StudentTexts => Transcript.Where(l => l.Role == FeynmanRole.Student).Select(l => l.Text);

    public IEnumerable<string> TutorTexts => Transcript.Where(l => l.Role == FeynmanRole.Tutor).Select(l => l.Text);
}
