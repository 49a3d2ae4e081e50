namespace CET4Trainer.Core.Features.Feynman;

public enum FeynmanTopicKind
{
    Grammar = 1,
    Word = 2,
}

// What the student explains: a built-in grammar point (Key is its key) or a CET-4 word (Key is the headword).
public sealed record FeynmanTopic(FeynmanTopicKind Kind, string Key, string Title);

// Something a good explanation mentions, and the words that show it was mentioned (Chinese or English).
public sealed record FeynmanConcept(string Name, IReadOnlyList<string> Signs);
