using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Items;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Features.QuestionGeneration;

// Writes one CET-4 item of a given type as JSON. The shape rules are the schema's meaning: a draft that
// breaks them is sent back for repair once by the gateway and otherwise discarded by the task.
public sealed class GenerateQuestionsOperation(OfflineQuestionEngine offline) : AiOperation<GenerateQuestionsInput, GeneratedItem>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public override string Name => "GenerateQuestions";

    public override int PromptVersion => 1;

    // A long-reading text runs to about 1,000 words plus ten statements and their explanations.
    public override int MaxOutputTokens => 4000;

    public override IList<ChatMessage> BuildPrompt(GenerateQuestionsInput input)
    {
        var system = new StringBuilder()
            .AppendLine("You write practice items for CET-4 (College English Test Band 4), the national English exam for Chinese university students.")
            .AppendLine("Answer with ONE JSON object and nothing else (no Markdown fences, no comments).")
            .AppendLine("Fields: title (string, at most 200 characters), topics (array of short lower-case tags), difficulty (1-5), explanation (string),")
            .AppendLine("passage (string), paragraphs (array of {letter, text}), wordBank (array of strings), minWords, maxWords (integers or null),")
            .AppendLine("reference (string or null), questions (array of {number, stem, options, answer, explanation}). Leave fields the item type does not use empty.")
            .AppendLine("Every explanation (the item's and each question's) is written in Simplified Chinese and says why the answer is right.")
            .AppendLine("Use vocabulary a CET-4 candidate should know; the content must be original, factual and suitable for students.")
            .AppendLine($"Item type: {input.Type} ({ItemTypes.ChineseName(input.Type)}).")
            .AppendLine(Rules(input.Type))
            .AppendLine("The empty shape of this item type:")
            .AppendLine(JsonSerializer.Serialize(GeneratedItem.From(ItemTemplates.Empty(input.Type)), Json));
        var user = new StringBuilder()
            .AppendLine($"Write item number {input.Number} of a set on the topic \"{input.Topic}\" at difficulty {input.Difficulty} of 5 (1 = easiest).");
        if (input.Avoid.Count > 0)
            user.AppendLine("Items already written in this set (write about something else): " + string.Join(" | ", input.Avoid.Take(20)));
        if (input.References.Count > 0)
        {
            user.AppendLine("Imitate the style, length and level of these reference items, but write new content:");
            foreach (var reference in input.References) user.AppendLine(JsonSerializer.Serialize(GeneratedItem.From(reference), Json));
        }
        return [new ChatMessage(ChatRole.System, system.ToString()), new ChatMessage(ChatRole.User, user.ToString())];
    }

    public override IReadOnlyList<string> Validate(GeneratedItem output, GenerateQuestionsInput input) =>
        ItemShapeRules.Validate(output.ToDraft(input)).Select(e => e.ToString()).ToList();

    public override async Task<GeneratedItem> RunOfflineAsync(GenerateQuestionsInput input, CancellationToken cancellationToken) =>
        GeneratedItem.From(await offline.GenerateAsync(input, cancellationToken));

    // The exam's shapes (cet4-exam.md) in the words a model needs; ItemShapeRules checks the same things.
    private static string Rules(ItemType type) => type switch
    {
        ItemType.BankedCloze =>
            "Rules: passage is an English text of 200-300 words with exactly 10 blanks written {{1}} to {{10}}, in order, each once. "
            + "wordBank has exactly 15 different single words in alphabetical order (the 10 answers in the form the blank needs, plus 5 distractors). "
            + "questions has 10 entries numbered 1-10 with an empty stem and no options; answer is the letter (A-O) of the word's place in wordBank; no letter is used twice.",
        ItemType.LongReadingMatching =>
            "Rules: paragraphs holds 8-12 paragraphs lettered A, B, C... in order, about 1,000 words in all (600-1500). "
            + "questions has 10 statements numbered 1-10, each paraphrasing information in one paragraph; stem is the statement, options is empty, "
            + "answer is that paragraph's letter; a paragraph may be the answer more than once.",
        ItemType.CarefulReading =>
            "Rules: passage is an English text of 350-450 words. questions has exactly 5 entries numbered 1-5, each with a stem, "
            + "exactly 4 different options (without letters) and answer A, B, C or D.",
        ItemType.ListeningNews =>
            "Rules: passage is the transcript of a news report of 150-220 words, written to be read aloud. questions has 2 or 3 entries "
            + "numbered from 1; stem is the question as spoken; exactly 4 different options; answer A-D.",
        ItemType.ListeningConversation =>
            "Rules: passage is the transcript of a conversation of 300-380 words, each turn on its own line starting with \"W:\" or \"M:\". "
            + "questions has exactly 4 entries numbered 1-4; stem is the question as spoken; exactly 4 different options; answer A-D.",
        ItemType.ListeningPassage =>
            "Rules: passage is the transcript of a talk or lecture of 250-350 words. questions has 3 or 4 entries numbered from 1; "
            + "stem is the question as spoken; exactly 4 different options; answer A-D.",
        ItemType.Writing =>
            "Rules: passage is the writing task in English (what to write, often with an opening sentence or a situation); minWords 120, maxWords 180; "
            + "questions is empty; explanation gives in Chinese the key points a good essay covers.",
        ItemType.Translation =>
            "Rules: passage is a Simplified Chinese paragraph of 140-160 characters (not counting spaces) on Chinese history, culture, economy or society; "
            + "reference is a good English translation of at least 40 words; questions is empty; explanation gives the key terms and structures in Chinese.",
        ItemType.VocabSpelling =>
            "Rules: questions has exactly 1 entry: stem gives the phonetic transcription and the Chinese meaning; answer is the English word; options is empty.",
        _ =>
            "Rules: questions has exactly 1 entry with a stem, exactly 4 different options (without letters) and answer A, B, C or D. "
            + "Meaning-to-word: the stem is a Chinese meaning and the options are English words. Word-to-meaning: the stem is an English word and the options are Chinese meanings. "
            + "Word form and sentence completion: the stem is an English sentence with ______ for the blank followed by its Chinese translation.",
    };
}
