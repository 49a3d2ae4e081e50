using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CET4Trainer.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionBankAndVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceProvider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourceModel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Words",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Headword = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Phonetic = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartsOfSpeech = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TranslationZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BncRank = table.Column<int>(type: "INTEGER", nullable: true),
                    FrqRank = table.Column<int>(type: "INTEGER", nullable: true),
                    Forms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Words", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ItemTags",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemTags", x => new { x.ItemId, x.Tag });
                    table.ForeignKey(
                        name: "FK_ItemTags_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Facility = table.Column<double>(type: "REAL", nullable: true),
                    Discrimination = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WordExamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    English = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Chinese = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordExamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WordExamples_Words_WordId",
                        column: x => x.WordId,
                        principalTable: "Words",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Key",
                table: "Items",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Items_Owner_Updated",
                table: "Items",
                columns: new[] { "OwnerId", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Section_Updated",
                table: "Items",
                columns: new[] { "Section", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Status_Type_Updated",
                table: "Items",
                columns: new[] { "Status", "Type", "UpdatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Updated",
                table: "Items",
                column: "UpdatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ItemTags_Tag",
                table: "ItemTags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_Item_Number",
                table: "Questions",
                columns: new[] { "ItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WordExamples_Word",
                table: "WordExamples",
                column: "WordId");

            migrationBuilder.CreateIndex(
                name: "IX_Words_Headword",
                table: "Words",
                column: "Headword",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItemTags");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropTable(
                name: "WordExamples");

            migrationBuilder.DropTable(
                name: "Items");

            migrationBuilder.DropTable(
                name: "Words");
        }
    }
}
