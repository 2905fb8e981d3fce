import { createRequire as __freshbaseCreateRequire } from 'node:module';const require = __freshbaseCreateRequire(import.meta.url);
import {
  ConfigError,
  FieldReader,
  KIND_SETTINGS,
  __commonJS,
  __esm,
  __export,
  __toCommonJS,
  __toESM,
  canonicalKey,
  familiarName,
  findPlatform,
  followedTag,
  formatPlatform,
  kindByName,
  parseDigest,
  parseImageRef,
  parsePlatform,
  platformMatches,
  platformObject,
  repositoryOf,
  require_dist,
  selectedByName,
  settingOf,
  shortDigest
} from "./chunk-TP55JNBO.js";

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation2) {
        return { range, newText, annotationId: annotation2 };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation2) {
        return { range: { start: position, end: position }, newText, annotationId: annotation2 };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation2) {
        return { range, newText: "", annotationId: annotation2 };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation2) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation2 !== void 0) {
          result.annotationId = annotation2;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation2) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation2 !== void 0) {
          result.annotationId = annotation2;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation2) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation2 !== void 0) {
          result.annotationId = annotation2;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation2) {
        let edit;
        let id;
        if (annotation2 === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation2)) {
          id = annotation2;
          edit = AnnotatedTextEdit.insert(position, newText, annotation2);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation2);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation2) {
        let edit;
        let id;
        if (annotation2 === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation2)) {
          id = annotation2;
          edit = AnnotatedTextEdit.replace(range, newText, annotation2);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation2);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation2) {
        let edit;
        let id;
        if (annotation2 === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation2)) {
          id = annotation2;
          edit = AnnotatedTextEdit.del(range, annotation2);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation2);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation2) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation2 = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation2 === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation2;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation2;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation2 = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation2 === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation2) ? annotation2 : this._changeAnnotations.manage(annotation2);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation2;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation2 = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation2 === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation2) ? annotation2 : this._changeAnnotations.manage(annotation2);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation2;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation2 = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation2 === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation2) ? annotation2 : this._changeAnnotations.manage(annotation2);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits2(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits2;
      function mergeSort2(data, compare2) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare2);
        mergeSort2(right, compare2);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare2(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string2(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string2;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare2) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare2);
  mergeSort(right, compare2);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare2(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes2, version) {
        for (const change of changes2) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes2, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes2, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits2(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits2;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables2 = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables2) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables2[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables2 = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables2.push(parsedVariable);
          }
        }
        return variables2;
      }
      parseVariables(offset, arg) {
        let variables2 = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables2.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables2.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables2.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables2.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables2.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables2;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip2 = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip2 !== 0 && value.charAt(skip2) === "#") {
          escaped = true;
        }
        value = value.substring(skip2);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal2 = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal2) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal2) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg2 = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy2 = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From2 = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName2 = this.getRangeContent(this.getImageNameRange());
        if (imageName2 === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName2.length; i++) {
          const ch = imageName2.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables2 = this.getVariables();
        for (let i = 0; i < variables2.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables2[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables2 = this.getVariables();
        for (let i = 0; i < variables2.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables2[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables2 = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables2.length; i++) {
              if (util_1.Util.isInsideRange(variables2[i].getRange().start, range)) {
                variables2.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables2;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run2 = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path3 = this.getPath();
        if (path3 === null || path3.startsWith("/")) {
          return path3;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path3 : parent + "/" + path3;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables2 = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables2.indexOf(variable) === -1) {
                variables2.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables2.indexOf(variable) === -1) {
                variables2.push(variable);
              }
            }
          }
        }
        return variables2;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage2 of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage2.getRange())) {
            return buildStage2;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables2 = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables2.push(property.getName());
            }
          }
          return variables2;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName2 = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName2 === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName2) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage2 of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage2.getRange())) {
                buildStage2.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path3, { windows } = {}) => {
      const segs = path3.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal2 = normalizeSimpleBranch(branch);
        if (literal2 && literal2.length === 1) {
          safeChars.push(literal2);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal2 = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal2;
          open.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/config/behind-config.ts
var MAX_AGE_DAYS = 3650;
function parseBehindConfig(raw, problems) {
  const fields = new FieldReader(raw, problems);
  const mode = fields.oneOf("mode", ["pin", "behind"], "pin");
  const maxAge = fields.integer("max-age", 1, MAX_AGE_DAYS, 0);
  return {
    mode,
    ...maxAge > 0 ? { maxAgeDays: maxAge } : {},
    failOnBehind: fields.boolean("fail-on-behind", false)
  };
}

// src/core/image-location.ts
function imageLocation(key, registryMap) {
  const parsed = parseImageRef(key);
  return parsed.ok ? locate(parsed.ref, registryMap) : void 0;
}
function locate({ registry, repository }, registryMap) {
  return { registry: registryMap[registry] ?? registry, repository };
}

// src/core/evidence/types.ts
function evidenceKey(key, from, to) {
  return `${key}\0${from ?? ""}\0${to}`;
}

// src/core/map-limited.ts
async function mapLimited(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker)
  );
  return results;
}

// src/core/evidence/platform-delta.ts
function countedPlatforms(input, linePlatform) {
  if (input.length > 0) return [...input];
  if (linePlatform === void 0 || linePlatform.includes("$")) return [];
  return parsePlatform(linePlatform) === void 0 ? [] : [linePlatform];
}
function runnable(entries) {
  return entries.filter(
    (e) => e.platform.os !== "unknown" && e.platform.architecture !== "unknown"
  );
}
function firstPerPlatform(entries) {
  const kept = [];
  for (const entry of runnable(entries)) {
    if (findPlatform(kept, entry.platform) === void 0) kept.push(entry);
  }
  return kept;
}
function comparePlatforms(old, next, counted) {
  const wanted = counted.map(parsePlatform).filter((p) => p !== void 0);
  const counts = (platform) => counted.length === 0 || wanted.some((w) => platformMatches(platform, w));
  const before = firstPerPlatform(old);
  const after = firstPerPlatform(next);
  const deltas = after.map((entry) => {
    const was = findPlatform(before, entry.platform);
    const base = {
      platform: formatPlatform(entry.platform),
      counted: counts(entry.platform),
      to: entry.digest
    };
    if (was === void 0) return { ...base, change: "added" };
    const change = was.digest === entry.digest ? "unchanged" : "changed";
    return { ...base, change, from: was.digest };
  });
  for (const entry of before) {
    if (findPlatform(after, entry.platform) !== void 0) continue;
    deltas.push({
      platform: formatPlatform(entry.platform),
      change: "removed",
      counted: counts(entry.platform),
      from: entry.digest
    });
  }
  return deltas;
}
function proposalVerdict(deltas) {
  const moved = deltas.filter((d) => d.change !== "unchanged");
  const anyCounted = deltas.some((d) => d.counted);
  if (moved.some((d) => d.counted || !anyCounted)) return { propose: true };
  if (moved.length === 0) return { propose: false, reason: "attestations only" };
  const named = (change) => moved.filter((d) => d.change === change).map((d) => d.platform);
  const parts = ["changed", "added", "removed"].map((change) => ({ change, platforms: named(change) })).filter((part2) => part2.platforms.length > 0).map((part2) => `${part2.platforms.join(", ")} ${part2.change}`);
  return { propose: false, reason: `only ${parts.join("; ")}` };
}

// src/pipeline/evidence-changes.ts
function changesOf(plan, platforms) {
  const byKey = /* @__PURE__ */ new Map();
  for (const row2 of plan.rows) {
    if (row2.decision !== "pin" && row2.decision !== "update") continue;
    if (row2.key === void 0 || row2.newDigest === void 0) continue;
    const from = row2.decision === "update" ? row2.currentDigest : void 0;
    const id = evidenceKey(row2.key, from, row2.newDigest);
    const counted = countedPlatforms(platforms, row2.platform);
    const seen = byKey.get(id) ?? {
      change: {
        key: row2.key,
        ...from === void 0 ? {} : { from },
        to: row2.newDigest,
        counted: []
      },
      all: false,
      set: /* @__PURE__ */ new Set()
    };
    if (counted.length === 0) seen.all = true;
    counted.forEach((p) => seen.set.add(p));
    byKey.set(id, seen);
  }
  return [...byKey.values()].map(({ change, all, set }) => ({
    ...change,
    counted: all ? [] : [...set]
  }));
}

// src/core/json.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/core/evidence/attestations-json.ts
function parseJsonObject(body, what) {
  let json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new Error(`${what} is not valid UTF-8 JSON`);
  }
  if (!isObject(json)) throw new Error(`${what} is not a JSON object`);
  return json;
}
function stringField(record2, name) {
  const value = record2[name];
  return typeof value === "string" ? value : void 0;
}
function arrayField(record2, name) {
  const value = record2[name];
  return Array.isArray(value) ? value : [];
}
function objectField(record2, name) {
  const value = record2[name];
  return isObject(value) ? value : void 0;
}
function stringMap(value) {
  const out = {};
  if (!isObject(value)) return out;
  for (const [key, entry] of Object.entries(value))
    if (typeof entry === "string") out[key] = entry;
  return out;
}

// src/core/evidence/attestations.ts
var REFERENCE_TYPE = "vnd.docker.reference.type";
var ATTESTATION_MANIFEST = "attestation-manifest";
var REFERENCE_DIGEST_KEYS = [
  "com.docker.reference.digest",
  "vnd.docker.reference.digest"
];
var PREDICATE_TYPE = "in-toto.io/predicate-type";
var SPDX_PREDICATE = "https://spdx.dev/Document";
var SLSA_PREDICATE_PREFIX = "https://slsa.dev/provenance/";
var ATTESTATION_ARTIFACT_TYPE = "application/vnd.docker.attestation.manifest.v1+json";
var IN_TOTO_JSON = "application/vnd.in-toto+json";
var IN_TOTO_DSSE = /^application\/vnd\.in-toto\.[^+]*\+dsse$/;
function readIndex(body) {
  const json = parseJsonObject(body, "image index");
  const entries = json["manifests"];
  if (!Array.isArray(entries))
    throw new Error(
      "image index has no manifests[] array: read the body as an image manifest instead"
    );
  const runnable2 = [];
  const attestations = /* @__PURE__ */ new Map();
  entries.forEach((raw, position) => {
    const entry = readEntry(raw, position);
    const role = roleOf(entry);
    if (role.kind === "runnable") runnable2.push(entry);
    else if (role.kind === "attestation" && !attestations.has(role.subject))
      attestations.set(role.subject, entry.digest);
  });
  return { annotations: stringMap(json["annotations"]), runnable: runnable2, attestations };
}
function roleOf(entry) {
  const type = entry.annotations[REFERENCE_TYPE];
  const referenceText = REFERENCE_DIGEST_KEYS.map(
    (key) => entry.annotations[key]
  ).find((value) => value !== void 0);
  if (type !== void 0 && type !== ATTESTATION_MANIFEST)
    return { kind: "ignored" };
  if (referenceText !== void 0) {
    const subject = parseDigest(referenceText);
    return subject === void 0 ? { kind: "ignored" } : { kind: "attestation", subject };
  }
  if (type === ATTESTATION_MANIFEST) return { kind: "ignored" };
  const platform = entry.platform;
  if (platform?.os === "unknown" && platform.architecture === "unknown")
    return { kind: "ignored" };
  return { kind: "runnable" };
}
function readEntry(raw, position) {
  if (!isObject(raw))
    throw new Error(`image index entry ${position} is not a JSON object`);
  const digest = parseDigest(stringField(raw, "digest") ?? "");
  if (digest === void 0)
    throw new Error(
      `image index entry ${position} has no valid digest (sha256:<64 hex>)`
    );
  const platform = platformObject(raw["platform"]);
  const size = sizeOf(raw);
  return {
    digest,
    mediaType: stringField(raw, "mediaType") ?? "",
    ...platform === void 0 ? {} : { platform },
    ...size === void 0 ? {} : { size },
    annotations: stringMap(raw["annotations"])
  };
}
function sizeOf(descriptor) {
  const size = descriptor["size"];
  return typeof size === "number" && Number.isSafeInteger(size) && size >= 0 ? size : void 0;
}
function readAttestationManifest(body) {
  const json = parseJsonObject(body, "attestation manifest");
  if (!Array.isArray(json["layers"]))
    throw new Error(
      "attestation manifest has no layers[] array: it is not an image manifest"
    );
  const sboms = [];
  const provenance = [];
  arrayField(json, "layers").forEach((raw, position) => {
    const layer = readLayer(raw, position);
    if (layer?.predicateType === SPDX_PREDICATE) sboms.push(layer);
    else if (layer?.predicateType?.startsWith(SLSA_PREDICATE_PREFIX) === true)
      provenance.push(layer);
  });
  const subject = descriptorDigest(objectField(json, "subject"));
  const format = isArtifact(json) ? "oci-artifact" : "legacy";
  return subject === void 0 ? { format, sboms, provenance } : { format, subject, sboms, provenance };
}
function isArtifact(json) {
  return stringField(json, "artifactType") === ATTESTATION_ARTIFACT_TYPE || json["subject"] !== void 0;
}
function readLayer(raw, position) {
  if (!isObject(raw)) return void 0;
  const mediaType = stringField(raw, "mediaType") ?? "";
  if (mediaType !== IN_TOTO_JSON && !IN_TOTO_DSSE.test(mediaType))
    return void 0;
  const digest = descriptorDigest(raw);
  const size = sizeOf(raw);
  if (digest === void 0 || size === void 0)
    throw new Error(
      `attestation manifest layer ${position} (${mediaType}) has no valid digest and size`
    );
  const predicateType = stringMap(raw["annotations"])[PREDICATE_TYPE];
  return predicateType === void 0 ? { digest, size, mediaType } : { digest, size, mediaType, predicateType };
}
function descriptorDigest(descriptor) {
  return descriptor === void 0 ? void 0 : parseDigest(stringField(descriptor, "digest") ?? "");
}
function readManifestAnnotations(body) {
  return stringMap(parseJsonObject(body, "image manifest")["annotations"]);
}
function configDigestOf(body) {
  const json = parseJsonObject(body, "image manifest");
  return descriptorDigest(objectField(json, "config"));
}
function readConfigLabels(body) {
  const config = objectField(parseJsonObject(body, "image config"), "config");
  return config === void 0 ? {} : stringMap(config["Labels"]);
}

// src/core/evidence/in-toto.ts
var STATEMENT_TYPES = [
  "https://in-toto.io/Statement/v0.1",
  "https://in-toto.io/Statement/v1"
];
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
var DSSE_MEDIA_TYPE = /^application\/vnd\.in-toto\.[^+]*\+dsse$/;
function readStatement(bytes, layerMediaType) {
  const outer = parseJsonObject(bytes, `in-toto layer (${layerMediaType})`);
  const json = DSSE_MEDIA_TYPE.test(layerMediaType) || isEnvelope(outer) ? parseJsonObject(envelopePayload(outer), "DSSE payload") : outer;
  const type = stringField(json, "_type") ?? "";
  if (!STATEMENT_TYPES.includes(type))
    throw new Error(
      `in-toto statement has _type "${type}", not one of ${STATEMENT_TYPES.join(", ")}`
    );
  const predicateType = stringField(json, "predicateType");
  if (predicateType === void 0 || predicateType === "")
    throw new Error("in-toto statement has no predicateType");
  return {
    type,
    predicateType,
    subjects: subjectDigests(json),
    predicate: json["predicate"]
  };
}
function isEnvelope(json) {
  return json["_type"] === void 0 && typeof json["payload"] === "string" && typeof json["payloadType"] === "string";
}
function envelopePayload(envelope) {
  const payloadType = stringField(envelope, "payloadType");
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw new Error(
      `DSSE envelope payloadType is "${payloadType ?? ""}", not ${IN_TOTO_PAYLOAD_TYPE}`
    );
  const payload = stringField(envelope, "payload");
  if (payload === void 0)
    throw new Error("DSSE envelope has no base64 payload");
  return decodeBase64(payload);
}
function decodeBase64(text) {
  const standard = text.replace(/-/g, "+").replace(/_/g, "/").replace(/\s/g, "");
  let binary;
  try {
    binary = atob(standard);
  } catch {
    throw new Error("DSSE envelope payload is not valid base64");
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
function subjectDigests(statement) {
  const digests = [];
  for (const subject of arrayField(statement, "subject")) {
    if (!isObject(subject)) continue;
    const hex = stringField(objectField(subject, "digest") ?? {}, "sha256");
    const digest = parseDigest(`sha256:${(hex ?? "").toLowerCase()}`);
    if (digest !== void 0 && !digests.includes(digest)) digests.push(digest);
  }
  return digests;
}

// src/pipeline/evidence-reads.ts
function memoizedReads(source) {
  const manifests = /* @__PURE__ */ new Map();
  const blobs = /* @__PURE__ */ new Map();
  const keyOf = (at, digest) => `${at.registry}/${at.repository}@${digest}`;
  return {
    manifest: async (at, digest) => {
      const key = keyOf(at, digest);
      const read = manifests.get(key) ?? source.manifest(at, digest);
      manifests.set(key, read);
      return read;
    },
    blob: async (at, digest, maxBytes) => {
      const key = `${keyOf(at, digest)}/${maxBytes}`;
      const read = blobs.get(key) ?? source.blob(at, digest, maxBytes);
      blobs.set(key, read);
      return read;
    }
  };
}
var INDEX_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
];
async function readImage(reads, at, digest) {
  const { mediaType, body } = await reads.manifest(at, digest);
  if (INDEX_TYPES.includes(mediaType) || looksLikeIndex(body)) {
    return { kind: "index", view: readIndex(body) };
  }
  return { kind: "manifest", body };
}
function looksLikeIndex(body) {
  try {
    const json = JSON.parse(new TextDecoder().decode(body));
    return typeof json === "object" && json !== null && Array.isArray(json["manifests"]);
  } catch {
    return false;
  }
}
function platformManifests(view) {
  return view.runnable.flatMap(
    (entry) => entry.platform === void 0 ? [] : [
      {
        platform: entry.platform,
        digest: entry.digest,
        mediaType: entry.mediaType
      }
    ]
  );
}
function entryOf(view, digest) {
  return digest === void 0 ? void 0 : view.runnable.find((e) => e.digest === digest);
}
async function attestationOf(reads, at, view, platformManifest2) {
  const digest = view.attestations.get(platformManifest2);
  if (digest === void 0) return void 0;
  const { body } = await reads.manifest(at, digest);
  return readAttestationManifest(body);
}
async function statementOf(reads, at, layer, maxBytes, what) {
  if (layer.size > maxBytes) {
    throw new Error(
      `${what} is ${sizeText(layer.size)}, over the ${sizeText(maxBytes)} cap: not read`
    );
  }
  const bytes = await reads.blob(at, layer.digest, maxBytes);
  return readStatement(bytes, layer.mediaType);
}
function sizeText(bytes) {
  const mib2 = 1024 * 1024;
  return bytes >= mib2 ? `${(bytes / mib2).toFixed(1)} MiB` : `${bytes} bytes`;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/pipeline/evidence-budget.ts
function startBudget(ms, now = Date.now) {
  const deadline = now() + ms;
  const seconds = ms >= 1e3 ? `${Math.round(ms / 1e3)} s` : `${ms} ms`;
  const why = `time budget of ${seconds} spent`;
  const spent = { kind: "unavailable", why };
  return {
    why,
    run: async (part2) => {
      const left = deadline - now();
      if (left <= 0) return spent;
      let timer;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve(spent), left);
      });
      const work = (async () => {
        try {
          return await part2();
        } catch (error) {
          return { kind: "unavailable", why: messageOf(error) };
        }
      })();
      try {
        return await Promise.race([work, timeout]);
      } finally {
        clearTimeout(timer);
      }
    }
  };
}

// src/core/evidence/severity.ts
var ATTACK_VECTOR = {
  N: 0.85,
  A: 0.62,
  L: 0.55,
  P: 0.2
};
var ATTACK_COMPLEXITY = { L: 0.77, H: 0.44 };
var USER_INTERACTION = { N: 0.85, R: 0.62 };
var IMPACT = { H: 0.56, L: 0.22, N: 0 };
function privileges(value, changed) {
  if (value === "N") return 0.85;
  if (value === "L") return changed ? 0.68 : 0.62;
  if (value === "H") return changed ? 0.5 : 0.27;
  return void 0;
}
function roundUp(value) {
  const integer2 = Math.round(value * 1e5);
  return integer2 % 1e4 === 0 ? integer2 / 1e5 : (Math.floor(integer2 / 1e4) + 1) / 10;
}
function cvss3BaseScore(vector) {
  const parts = vector.trim().split("/");
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? "")) return void 0;
  const metrics = /* @__PURE__ */ new Map();
  for (const part2 of parts.slice(1)) {
    const [name, value] = part2.split(":");
    if (name === void 0 || value === void 0) return void 0;
    metrics.set(name, value);
  }
  const scope = metrics.get("S");
  if (scope !== "U" && scope !== "C") return void 0;
  const changed = scope === "C";
  const av = ATTACK_VECTOR[metrics.get("AV") ?? ""];
  const ac = ATTACK_COMPLEXITY[metrics.get("AC") ?? ""];
  const pr = privileges(metrics.get("PR") ?? "", changed);
  const ui = USER_INTERACTION[metrics.get("UI") ?? ""];
  const c = IMPACT[metrics.get("C") ?? ""];
  const i = IMPACT[metrics.get("I") ?? ""];
  const a = IMPACT[metrics.get("A") ?? ""];
  if ([av, ac, pr, ui, c, i, a].some((v) => v === void 0)) return void 0;
  const iss = 1 - (1 - (c ?? 0)) * (1 - (i ?? 0)) * (1 - (a ?? 0));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * (av ?? 0) * (ac ?? 0) * (pr ?? 0) * (ui ?? 0);
  if (impact <= 0) return 0;
  const sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
  return roundUp(Math.min(sum, 10));
}
function cvssRating(score) {
  if (score === 0) return "none";
  if (score < 4) return "low";
  if (score < 7) return "medium";
  if (score < 9) return "high";
  return "critical";
}
var WORDS = {
  critical: "critical",
  high: "high",
  important: "high",
  moderate: "medium",
  medium: "medium",
  low: "low",
  negligible: "low",
  none: "none"
};
function word(value) {
  return typeof value === "string" ? WORDS[value.trim().toLowerCase()] : void 0;
}
function severityOf(record2) {
  const entries = record2.severity ?? [];
  const scores = entries.filter((s) => s.type === "CVSS_V3").map((s) => cvss3BaseScore(s.score)).filter((s) => s !== void 0);
  if (scores.length > 0) {
    const best = Math.max(...scores);
    return `${cvssRating(best)} ${best.toFixed(1)}`;
  }
  const ubuntu2 = entries.find((s) => s.type === "Ubuntu");
  const named = word(ubuntu2?.score) ?? word(record2.database_specific?.["severity"]);
  if (named !== void 0) return named;
  return entries.some((s) => s.type === "CVSS_V4") ? "CVSS 4" : void 0;
}
var SEVERITY_LEVELS = [
  "critical",
  "high",
  "medium",
  "low",
  "none"
];
function severityRank(severity) {
  const first = severity?.split(" ")[0] ?? "";
  const index = SEVERITY_LEVELS.indexOf(first);
  return index < 0 ? SEVERITY_LEVELS.length : index;
}

// src/core/evidence/vulnerabilities.ts
function osvQueries(changes2, ecosystem) {
  const byKey = /* @__PURE__ */ new Map();
  const add = (name, version, side) => {
    const key = `${name}\0${version}`;
    const seen = byKey.get(key);
    const owner = {
      package: name,
      old: side === "old" || seen?.owner.old === true,
      new: side === "new" || seen?.owner.new === true
    };
    byKey.set(key, { query: { ecosystem, name, version }, owner });
  };
  for (const change of changes2) {
    const name = change.source ?? change.name;
    if (change.change !== "added" && change.oldVersion !== void 0) {
      add(name, change.oldVersion, "old");
    }
    if (change.change !== "removed" && change.newVersion !== void 0) {
      add(name, change.newVersion, "new");
    }
  }
  const entries = [...byKey.values()];
  return {
    queries: entries.map((e) => e.query),
    owners: entries.map((e) => e.owner)
  };
}
function vulnerabilityDelta(plan, results) {
  const sides = /* @__PURE__ */ new Map();
  plan.owners.forEach((owner, index) => {
    const ids = results[index] ?? [];
    const entry = sides.get(owner.package) ?? { old: /* @__PURE__ */ new Set(), new: /* @__PURE__ */ new Set() };
    sides.set(owner.package, entry);
    for (const id of ids) {
      if (owner.old) entry.old.add(id);
      if (owner.new) entry.new.add(id);
    }
  });
  const fixed = /* @__PURE__ */ new Map();
  const introduced = /* @__PURE__ */ new Map();
  const note = (map, id, pkg) => {
    map.set(id, [...map.get(id) ?? [], pkg]);
  };
  for (const [pkg, { old, new: next }] of sides) {
    for (const id of old) if (!next.has(id)) note(fixed, id, pkg);
    for (const id of next) if (!old.has(id)) note(introduced, id, pkg);
  }
  const sorted = (map) => new Map([...map].map(([id, pkgs]) => [id, [...new Set(pkgs)].sort()]));
  return { fixed: sorted(fixed), introduced: sorted(introduced) };
}
function differingIds(delta) {
  return [
    .../* @__PURE__ */ new Set([...delta.fixed.keys(), ...delta.introduced.keys()])
  ].sort();
}
var CVE = /CVE-\d{4}-\d{4,}/;
function cvesOf(id, record2) {
  const texts = [id, ...record2?.aliases ?? [], ...record2?.upstream ?? []];
  const cves = texts.map((t) => CVE.exec(t)?.[0]).filter((t) => t !== void 0);
  return [...new Set(cves)].sort();
}
var SUMMARY_MAX = 120;
function summaryOf(record2) {
  const summary = oneLine(record2.summary ?? "");
  const text = summary !== "" ? summary : oneLine(
    (record2.details ?? "").split(/\r?\n/).find((l) => l.trim() !== "") ?? ""
  );
  if (text === "") return void 0;
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 1).trimEnd()}\u2026`;
}
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
}
function toVulnerability(record2, packages) {
  const severity = severityOf(record2);
  const summary = summaryOf(record2);
  return {
    id: record2.id,
    cves: cvesOf(record2.id, record2),
    ...severity === void 0 ? {} : { severity },
    ...summary === void 0 ? {} : { summary },
    url: `https://osv.dev/vulnerability/${encodeURIComponent(record2.id)}`,
    packages: [...packages]
  };
}
function vulnerabilityList(ids, records) {
  const list = [];
  for (const [id, packages] of ids) {
    const record2 = records.get(id);
    if (record2?.withdrawn !== void 0) continue;
    list.push(toVulnerability(record2 ?? { id }, packages));
  }
  return list.sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
function countVulnerabilities(list) {
  const ranks = /* @__PURE__ */ new Map();
  for (const v of list) {
    const rank = severityRank(v.severity);
    for (const name of v.cves.length === 0 ? [`\0${v.id}`] : v.cves)
      ranks.set(name, Math.min(rank, ranks.get(name) ?? rank));
  }
  const bySeverity = /* @__PURE__ */ new Map();
  for (const rank of ranks.values()) {
    const name = SEVERITY_LEVELS[rank] ?? "unknown";
    bySeverity.set(name, (bySeverity.get(name) ?? 0) + 1);
  }
  return { total: ranks.size, bySeverity };
}

// src/pipeline/evidence-osv.ts
var RECORD_CONCURRENCY = 8;
async function vulnerabilityPart(packages, osv, enabled) {
  if (!enabled) {
    return { kind: "absent", why: "OSV lookup turned off (osv: false)" };
  }
  if (osv === void 0) {
    return { kind: "unavailable", why: "no OSV client was set up for this run" };
  }
  if (packages.kind !== "found") {
    return { kind: packages.kind, why: `no package delta: ${packages.why}` };
  }
  const { changes: changes2, ecosystem } = packages.value;
  if (ecosystem === void 0) {
    const names = [...new Set(changes2.map((c) => c.source ?? c.name))].sort();
    const distro = packages.value.distro ?? "this distro";
    return {
      kind: "found",
      value: {
        ecosystem: "unknown",
        fixed: [],
        introduced: [],
        notChecked: names.map(
          (n) => `${n} (no OSV ecosystem known for ${distro})`
        )
      }
    };
  }
  return askOsv(osv, packages.value, ecosystem);
}
async function askOsv(osv, packages, ecosystem) {
  const plan = osvQueries(packages.changes, ecosystem);
  const empty = { ecosystem, fixed: [], introduced: [], notChecked: [] };
  if (plan.queries.length === 0) return { kind: "found", value: empty };
  let results;
  try {
    results = await osv.queryBatch(plan.queries);
  } catch (error) {
    return { kind: "unavailable", why: `OSV query failed: ${messageOf(error)}` };
  }
  const delta = vulnerabilityDelta(plan, results);
  const records = /* @__PURE__ */ new Map();
  await mapLimited(differingIds(delta), RECORD_CONCURRENCY, async (id) => {
    try {
      records.set(id, await osv.vulnerability(id));
    } catch {
    }
  });
  return {
    kind: "found",
    value: {
      ...empty,
      fixed: vulnerabilityList(delta.fixed, records),
      introduced: vulnerabilityList(delta.introduced, records)
    }
  };
}

// src/core/evidence/ecosystem-releases.ts
var DEBIAN_CODENAMES = {
  squeeze: "6",
  wheezy: "7",
  jessie: "8",
  stretch: "9",
  buster: "10",
  bullseye: "11",
  bookworm: "12",
  trixie: "13",
  forky: "14",
  duke: "15",
  sid: "sid",
  unstable: "sid"
};
var UBUNTU_CODENAMES = {
  precise: "12.04",
  trusty: "14.04",
  xenial: "16.04",
  bionic: "18.04",
  cosmic: "18.10",
  disco: "19.04",
  eoan: "19.10",
  focal: "20.04",
  groovy: "20.10",
  hirsute: "21.04",
  impish: "21.10",
  jammy: "22.04",
  kinetic: "22.10",
  lunar: "23.04",
  mantic: "23.10",
  noble: "24.04",
  oracular: "24.10",
  plucky: "25.04",
  questing: "25.10",
  resolute: "26.04"
};
function codenameRelease(codename) {
  const debian2 = DEBIAN_CODENAMES[codename];
  if (debian2 !== void 0) return { distro: "debian", version: debian2 };
  const ubuntu2 = UBUNTU_CODENAMES[codename];
  if (ubuntu2 !== void 0) return { distro: "ubuntu", version: ubuntu2 };
  return void 0;
}

// src/core/evidence/ecosystem.ts
var NAMESPACE_DISTROS = /* @__PURE__ */ new Set([
  "alpine",
  "debian",
  "ubuntu",
  "wolfi",
  "chainguard"
]);
function releaseOf(purl) {
  const fromNamespace = namespaceDistro(purl);
  const q = purl.qualifiers;
  const distro = q["distro"];
  if (distro !== void 0) return fromDistroQualifier(distro, fromNamespace);
  const osName = q["os_name"]?.toLowerCase() ?? fromNamespace;
  const codename = q["os_distro"]?.toLowerCase();
  if (osName === void 0) return void 0;
  const version = q["os_version"] ?? fromCodename(osName, codename);
  return release(osName, version, codename);
}
function namespaceDistro(purl) {
  if (purl.type === "alpine") return "alpine";
  const namespace = purl.namespace?.toLowerCase();
  return namespace !== void 0 && NAMESPACE_DISTROS.has(namespace) ? namespace : void 0;
}
function fromDistroQualifier(text, namespace) {
  const value = text.toLowerCase();
  const syft = /^(?<id>[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(?<version>.+)$/.exec(value);
  const id = syft?.groups?.["id"];
  const version = syft?.groups?.["version"];
  if (id !== void 0 && version !== void 0) {
    const fromCode = fromCodename(id, version);
    return fromCode === void 0 ? release(id, version, void 0) : release(id, fromCode, version);
  }
  if (NAMESPACE_DISTROS.has(value)) return release(value, void 0, void 0);
  const byCodename = codenameRelease(value);
  if (byCodename !== void 0)
    return release(byCodename.distro, byCodename.version, value);
  if (namespace === void 0) return void 0;
  return /^[0-9]/.test(value) ? release(namespace, value, void 0) : release(namespace, void 0, value);
}
function fromCodename(distro, codename) {
  if (codename === void 0) return void 0;
  if (distro === "debian") return DEBIAN_CODENAMES[codename];
  if (distro === "ubuntu") return UBUNTU_CODENAMES[codename];
  return void 0;
}
function release(distro, version, codename) {
  return {
    distro,
    ...version === void 0 || version === "" ? {} : { version },
    ...codename === void 0 || codename === "" ? {} : { codename }
  };
}
function osvEcosystem(release2) {
  switch (release2.distro.toLowerCase()) {
    case "alpine":
      return alpine(release2.version);
    case "debian":
      return debian(release2.version ?? release2.codename);
    case "ubuntu":
      return ubuntu(release2.version ?? release2.codename);
    case "wolfi":
      return { ecosystem: "Wolfi", distro: "Wolfi" };
    case "chainguard":
      return { ecosystem: "Chainguard", distro: "Chainguard" };
    default:
      return void 0;
  }
}
function alpine(version) {
  if (version === void 0) return void 0;
  if (version === "edge" || /_alpha/.test(version))
    return { ecosystem: "Alpine:edge", distro: "Alpine edge" };
  const match = /^v?(?<major>\d+)\.(?<minor>\d+)/.exec(version);
  const major = match?.groups?.["major"];
  const minor = match?.groups?.["minor"];
  if (major === void 0 || minor === void 0) return void 0;
  return {
    ecosystem: `Alpine:v${major}.${minor}`,
    distro: `Alpine ${major}.${minor}`
  };
}
function debian(version) {
  if (version === void 0) return void 0;
  const resolved3 = DEBIAN_CODENAMES[version.toLowerCase()] ?? version;
  if (resolved3 === "sid")
    return { ecosystem: "Debian:sid", distro: "Debian sid" };
  const major = /^(\d+)(?:\.\d+)*$/.exec(resolved3)?.[1];
  return major === void 0 ? void 0 : { ecosystem: `Debian:${major}`, distro: `Debian ${major}` };
}
function ubuntu(version) {
  if (version === void 0) return void 0;
  const resolved3 = UBUNTU_CODENAMES[version.toLowerCase()] ?? version;
  const match = /^(?<year>\d{2})\.(?<month>\d{2})(?:\.\d+)?$/.exec(resolved3);
  const year = match?.groups?.["year"];
  const month = match?.groups?.["month"];
  if (year === void 0 || month === void 0) return void 0;
  const lts = month === "04" && Number(year) % 2 === 0 && Number(year) >= 6;
  const base = `${year}.${month}`;
  return lts ? { ecosystem: `Ubuntu:${base}:LTS`, distro: `Ubuntu ${base} LTS` } : { ecosystem: `Ubuntu:${base}`, distro: `Ubuntu ${base}` };
}

// src/core/evidence/package-delta.ts
function diffPackages(old, next) {
  const withArch = old.some((p) => p.arch !== void 0) && next.some((p) => p.arch !== void 0);
  const before = group(old, withArch);
  const after = group(next, withArch);
  const rows = /* @__PURE__ */ new Map();
  for (const key of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()]))
    for (const row2 of changesOf2(before.get(key), after.get(key)))
      rows.set(JSON.stringify(row2), row2);
  return [...rows.values()].sort(byNameThenRest);
}
function group(packages, withArch) {
  const groups = /* @__PURE__ */ new Map();
  for (const p of packages) {
    const key = JSON.stringify([
      p.type,
      p.namespace ?? "",
      p.name,
      withArch ? p.arch ?? "" : ""
    ]);
    const existing = groups.get(key);
    if (existing === void 0)
      groups.set(key, { sample: p, versions: /* @__PURE__ */ new Set([p.version]) });
    else existing.versions.add(p.version);
  }
  return groups;
}
function changesOf2(before, after) {
  const sample = after?.sample ?? before?.sample;
  if (sample === void 0) return [];
  const gone = sortVersions(before, after);
  const came = sortVersions(after, before);
  const rows = [];
  const paired = Math.min(gone.length, came.length);
  for (let i = 0; i < paired; i++)
    rows.push(row("updated", sample, gone[i], came[i]));
  for (const version of gone.slice(paired))
    rows.push(row("removed", sample, version, void 0));
  for (const version of came.slice(paired))
    rows.push(row("added", sample, void 0, version));
  return rows;
}
function sortVersions(side, other) {
  if (side === void 0) return [];
  return [...side.versions].filter((version) => other?.versions.has(version) !== true).sort(naturally);
}
function row(change, sample, oldVersion, newVersion) {
  return {
    change,
    type: sample.type,
    name: sample.name,
    ...sample.source === void 0 ? {} : { source: sample.source },
    ...oldVersion === void 0 ? {} : { oldVersion },
    ...newVersion === void 0 ? {} : { newVersion }
  };
}
var ORDER = {
  updated: 0,
  added: 1,
  removed: 2
};
function byNameThenRest(a, b) {
  return naturally(a.name, b.name) || naturally(a.type, b.type) || ORDER[a.change] - ORDER[b.change] || naturally(a.oldVersion ?? "", b.oldVersion ?? "") || naturally(a.newVersion ?? "", b.newVersion ?? "");
}
function naturally(a, b) {
  return a.localeCompare(b, "en", { numeric: true });
}

// src/core/evidence/purl.ts
function parsePurl(text) {
  const scheme = /^pkg:\/*/i.exec(text.trim());
  if (scheme === null) return void 0;
  const [rest, subpathText] = splitLast(
    text.trim().slice(scheme[0].length),
    "#"
  );
  const [withoutQualifiers, qualifierText] = splitLast(rest, "?");
  const qualifiers = parseQualifiers(qualifierText);
  const [path3, versionText] = splitLast(
    withoutQualifiers.replace(/\/+$/, ""),
    "@"
  );
  const segments = path3.split("/").filter((segment) => segment !== "");
  const type = segments.shift()?.toLowerCase();
  const name = decode(segments.pop() ?? "");
  const namespace = decodeSegments(segments);
  const version = decode(versionText ?? "");
  const subpath = decodeSegments(
    (subpathText ?? "").split("/").filter((part2) => part2 !== "" && part2 !== "." && part2 !== "..")
  );
  if (type === void 0 || qualifiers === void 0 || name === void 0 || name === "" || namespace === void 0 || version === void 0 || subpath === void 0)
    return void 0;
  return {
    type,
    ...namespace === "" ? {} : { namespace },
    name,
    ...version === "" ? {} : { version },
    qualifiers,
    ...subpath === "" ? {} : { subpath }
  };
}
function splitLast(text, separator) {
  const at = text.lastIndexOf(separator);
  return at < 0 ? [text, void 0] : [text.slice(0, at), text.slice(at + 1)];
}
function parseQualifiers(text) {
  const qualifiers = {};
  if (text === void 0) return qualifiers;
  for (const pair of text.split("&")) {
    const equals = pair.indexOf("=");
    if (equals <= 0) continue;
    const key = pair.slice(0, equals).toLowerCase();
    const value = decode(pair.slice(equals + 1));
    if (value === void 0) return void 0;
    if (value !== "") qualifiers[key] = value;
  }
  return qualifiers;
}
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return void 0;
  }
}
function decodeSegments(segments) {
  const parts = segments.map(decode);
  return parts.includes(void 0) ? void 0 : parts.join("/");
}

// src/core/evidence/spdx-origins.ts
function readOrigins(document) {
  const sourceOf2 = /* @__PURE__ */ new Map();
  const children = /* @__PURE__ */ new Map();
  const relationships = arrayField(document, "relationships");
  for (const relationship of eachRelationship(relationships)) {
    const link = generation(relationship);
    if (link === void 0 || sourceOf2.has(link.binary)) continue;
    sourceOf2.set(link.binary, link.origin);
    const set = children.get(link.origin) ?? /* @__PURE__ */ new Set();
    set.add(link.binary);
    children.set(link.origin, set);
  }
  if (children.size === 0) return { sourceOf: sourceOf2, originOnly: /* @__PURE__ */ new Set() };
  const files = containedFiles(
    relationships,
    new Set(sourceOf2.keys()),
    children
  );
  const originOnly = /* @__PURE__ */ new Set();
  for (const [origin, binaries] of children)
    if (isSynthesized(files.get(origin), binaries, files))
      originOnly.add(origin);
  return { sourceOf: sourceOf2, originOnly };
}
function* eachRelationship(values) {
  for (const value of values) {
    if (!isObject(value)) continue;
    const from = stringField(value, "spdxElementId");
    const type = stringField(value, "relationshipType");
    const to = stringField(value, "relatedSpdxElement");
    if (from !== void 0 && type !== void 0 && to !== void 0)
      yield { from, type: type.toUpperCase(), to };
  }
}
function generation(relationship) {
  const { from, type, to } = relationship;
  if (from === to) return void 0;
  if (type === "GENERATED_FROM") return { binary: from, origin: to };
  if (type === "GENERATES") return { binary: to, origin: from };
  return void 0;
}
function containedFiles(relationships, binaries, origins) {
  const files = /* @__PURE__ */ new Map();
  const add = (owner, file) => {
    if (!binaries.has(owner) && !origins.has(owner)) return;
    const set = files.get(owner) ?? /* @__PURE__ */ new Set();
    set.add(file);
    files.set(owner, set);
  };
  for (const { from, type, to } of eachRelationship(relationships)) {
    if (type === "CONTAINS") add(from, to);
    else if (type === "CONTAINED_BY") add(to, from);
  }
  return files;
}
function isSynthesized(own, binaries, files) {
  const theirs = [...binaries].map((binary) => files.get(binary));
  const known = theirs.filter((set) => set !== void 0);
  if (own === void 0 || own.size === 0) return known.length > 0;
  for (const file of own) if (!known.some((set) => set.has(file))) return false;
  return true;
}

// src/core/evidence/spdx.ts
var NO_VERSION = /* @__PURE__ */ new Set(["", "UNKNOWN", "NOASSERTION", "NONE"]);
function sbomPackages(predicate) {
  const document = spdxDocument(predicate);
  const origins = readOrigins(document);
  const entries = arrayField(document, "packages").map(osEntry).filter((entry) => entry !== void 0);
  const originIds = new Set(origins.sourceOf.values());
  const byId = /* @__PURE__ */ new Map();
  for (const entry of entries)
    if (entry.id !== void 0 && originIds.has(entry.id))
      byId.set(entry.id, entry);
  const packages = [];
  for (const entry of entries) {
    if (entry.id !== void 0 && origins.originOnly.has(entry.id)) continue;
    const originId = entry.id === void 0 ? void 0 : origins.sourceOf.get(entry.id);
    const origin = originId === void 0 ? void 0 : byId.get(originId);
    packages.push(toPackage(entry, origin));
  }
  return packages;
}
function spdxDocument(predicate) {
  if (!isObject(predicate))
    throw new Error("SBOM predicate is not a JSON object (expected SPDX JSON)");
  const packages = predicate["packages"];
  if (packages !== void 0 && !Array.isArray(packages))
    throw new Error("SPDX document packages is not an array");
  const version = stringField(predicate, "spdxVersion");
  if (version === void 0 && packages === void 0)
    throw new Error(
      "SBOM predicate has neither spdxVersion nor packages[]: not an SPDX document"
    );
  if (version !== void 0 && !version.startsWith("SPDX-2."))
    throw new Error(`SBOM is ${version}; only SPDX 2.x JSON is read`);
  return predicate;
}
function osEntry(raw) {
  if (!isObject(raw)) return void 0;
  const purl = packagePurl(raw);
  if (purl === void 0) return void 0;
  const type = osType(purl.type);
  if (type === void 0) return void 0;
  const name = stringField(raw, "name") || purl.name;
  const version = [stringField(raw, "versionInfo"), purl.version].find(
    (text) => text !== void 0 && !NO_VERSION.has(text.trim().toUpperCase())
  );
  if (version === void 0) return void 0;
  return { id: stringField(raw, "SPDXID"), name, version, purl, type };
}
function packagePurl(raw) {
  for (const ref of arrayField(raw, "externalRefs")) {
    if (!isObject(ref)) continue;
    if (stringField(ref, "referenceType")?.toLowerCase() !== "purl") continue;
    const purl = parsePurl(stringField(ref, "referenceLocator") ?? "");
    if (purl !== void 0) return purl;
  }
  return void 0;
}
function osType(type) {
  if (type === "alpine") return "apk";
  return type === "apk" || type === "deb" || type === "rpm" ? type : void 0;
}
function toPackage(entry, origin) {
  const { purl } = entry;
  const namespace = purl.namespace ?? (purl.type === "alpine" ? "alpine" : void 0);
  const arch = purl.qualifiers["arch"];
  const source = sourceOf(entry, origin);
  const release2 = releaseOf(purl);
  return {
    type: entry.type,
    ...namespace === void 0 ? {} : { namespace },
    name: entry.name,
    version: entry.version,
    ...arch === void 0 ? {} : { arch },
    source: source.name,
    ...source.version === void 0 ? {} : { sourceVersion: source.version },
    ...release2 === void 0 ? {} : { release: release2 }
  };
}
function sourceOf(entry, origin) {
  const q = entry.purl.qualifiers;
  const upstream = q["upstream"];
  if (upstream !== void 0 && upstream !== "")
    return entry.type === "rpm" ? rpmSource(upstream) : nameAt(upstream);
  const source = q["source"];
  if (source !== void 0 && source !== "") {
    const version = q["sourceversion"] ?? q["source_version"];
    return version === void 0 ? nameAt(source) : { name: source, version };
  }
  if (origin !== void 0)
    return { name: origin.name, version: origin.version };
  return { name: entry.purl.name };
}
function nameAt(text) {
  const at = text.indexOf("@");
  if (at <= 0) return { name: text };
  const version = text.slice(at + 1);
  return version === "" ? { name: text.slice(0, at) } : { name: text.slice(0, at), version };
}
function rpmSource(text) {
  const match = /^(?<name>.+)-(?<version>[^-]+-[^-]+)\.src\.rpm$/.exec(text);
  const name = match?.groups?.["name"];
  const version = match?.groups?.["version"];
  if (name === void 0 || version === void 0) return nameAt(text);
  return { name, version };
}

// src/pipeline/evidence-packages.ts
var Absent = class extends Error {
};
async function sidePackages(reads, at, side, platform, which, maxBytes) {
  const where = which === "new" ? "" : " in the old image";
  const attestation = await attestationOf(reads, at, side.view, side.manifest);
  const layer = attestation?.sboms[0];
  if (layer === void 0) {
    throw new Absent(`no SBOM published for ${platform}${where}`);
  }
  const what = `the ${which} SBOM of ${at.repository} for ${platform}`;
  const statement = await statementOf(reads, at, layer, maxBytes, what);
  if (statement.predicateType !== SPDX_PREDICATE) {
    throw new Error(
      `${what} is a ${statement.predicateType} statement, not ${SPDX_PREDICATE}`
    );
  }
  const subjects = statement.subjects;
  if (subjects.length > 0 && !subjects.includes(side.manifest)) {
    throw new Error(
      `${what} describes another image (subject ${subjects[0] ?? ""})`
    );
  }
  return sbomPackages(statement.predicate);
}
async function packagePart(reads, at, sides, platform, maxBytes) {
  const [oldRead, newRead] = await Promise.allSettled([
    sidePackages(reads, at, sides.old, platform, "old", maxBytes),
    sidePackages(reads, at, sides.new, platform, "new", maxBytes)
  ]);
  const failed = [newRead, oldRead].find((r) => r.status === "rejected");
  if (failed !== void 0 || oldRead.status !== "fulfilled" || newRead.status !== "fulfilled") {
    const error = failed?.reason;
    const why = messageOf(error);
    return error instanceof Absent ? { kind: "absent", why } : { kind: "unavailable", why };
  }
  const old = oldRead.value;
  const next = newRead.value;
  const ecosystem = imageEcosystem(next);
  return {
    kind: "found",
    value: {
      platform,
      ...ecosystem === void 0 ? {} : { ecosystem: ecosystem.ecosystem, distro: ecosystem.distro },
      changes: diffPackages(old, next),
      oldCount: old.length,
      newCount: next.length
    }
  };
}
function imageEcosystem(packages) {
  const counts = /* @__PURE__ */ new Map();
  for (const p of packages) {
    const ecosystem = p.release === void 0 ? void 0 : osvEcosystem(p.release);
    if (ecosystem === void 0) continue;
    const seen = counts.get(ecosystem.ecosystem);
    counts.set(ecosystem.ecosystem, { ecosystem, n: (seen?.n ?? 0) + 1 });
  }
  let best;
  for (const entry of counts.values()) {
    if (best === void 0 || entry.n > best.n) best = entry;
  }
  return best?.ecosystem;
}

// src/pipeline/evidence-platforms.ts
function sideEntries(image, digest, resolved3, side) {
  if (image?.kind === "index") return platformManifests(image.view);
  if (image === void 0) {
    if (side === "new" && resolved3?.digest === digest)
      return resolved3.manifests ? [...resolved3.manifests] : void 0;
    const previous = resolved3?.previousManifests?.[digest];
    if (previous !== void 0) return [...previous];
  }
  const entry = singlePlatform(digest, resolved3);
  return entry === void 0 ? void 0 : [entry];
}
function singlePlatform(digest, resolved3) {
  const direct = resolved3?.manifests?.find((m) => m.digest === digest);
  if (direct !== void 0) return direct;
  const next = resolved3?.platformPins?.[digest];
  const entry = resolved3?.manifests?.find((m) => m.digest === next);
  return entry === void 0 ? void 0 : { ...entry, digest };
}
function platformPart(old, next, firstPin2, counted, why) {
  if (next === void 0 || !firstPin2 && old === void 0) {
    return { kind: "unavailable", why };
  }
  return { kind: "found", value: comparePlatforms(old ?? [], next, counted) };
}
function comparedPlatform(deltas) {
  return pick(deltas, (d) => d.from !== void 0 && d.to !== void 0);
}
function sourcePlatform(deltas) {
  return comparedPlatform(deltas) ?? pick(deltas, (d) => d.to !== void 0);
}
function pick(deltas, usable) {
  const anyCounted = deltas.some((d) => d.counted);
  const candidates = deltas.filter((d) => (d.counted || !anyCounted) && usable(d));
  return candidates.find((d) => d.platform === "linux/amd64") ?? candidates[0];
}

// src/core/evidence/source.ts
var OCI_SOURCE = "org.opencontainers.image.source";
var OCI_REVISION = "org.opencontainers.image.revision";
var LABEL_SCHEMA_URL = "org.label-schema.vcs-url";
var LABEL_SCHEMA_REF = "org.label-schema.vcs-ref";
var COMMIT = /^[0-9a-f]{7,64}$/i;
var SAFE_REVISION = /^[\w.+/-]{1,200}$/;
function sourceFromAnnotations(a, from) {
  const labels = from === "config";
  const text = a[OCI_SOURCE] ?? (labels ? a[LABEL_SCHEMA_URL] : void 0);
  if (text === void 0) return void 0;
  const normalized2 = normalizeSourceUrl(text);
  if (normalized2 === void 0) return void 0;
  const revisionText = a[OCI_REVISION] ?? (labels ? a[LABEL_SCHEMA_REF] : void 0);
  const revision = cleanRevision(revisionText) ?? normalized2.revision;
  return withParts(normalized2.url, revision, normalized2.path, from);
}
function normalizeSourceUrl(text) {
  let rest = text.trim();
  if (rest === "" || /\s/.test(rest)) return void 0;
  let fragment;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  rest = rest.replace(/^git\+/, "");
  const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)(.+)$/.exec(rest);
  if (scp !== null) rest = `https://${scp[1] ?? ""}/${scp[2] ?? ""}`;
  rest = rest.replace(/^(?:ssh|git):\/\//, "https://");
  const url = parseHttpUrl(rest);
  if (url === void 0) return void 0;
  const { revision, path: path3 } = splitFragment(fragment);
  return {
    url,
    ...revision === void 0 ? {} : { revision },
    ...path3 === void 0 ? {} : { path: path3 }
  };
}
function parseHttpUrl(text) {
  let parsed;
  try {
    parsed = new URL(text);
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return void 0;
  }
  if (parsed.hostname === "") return void 0;
  let path3 = parsed.pathname.replace(/@refs\/.*$/, "").replace(/@[^/]*$/, "");
  path3 = path3.replace(/\/+$/, "").replace(/\.git$/, "");
  const host = parsed.host.toLowerCase();
  const scheme = isKnownForge(parsed.hostname) ? "https:" : parsed.protocol;
  return `${scheme}//${host}${path3}`;
}
function splitFragment(fragment) {
  if (fragment === void 0 || fragment === "") return {};
  const colon = fragment.indexOf(":");
  const ref = colon < 0 ? fragment : fragment.slice(0, colon);
  const dir = colon < 0 ? "" : fragment.slice(colon + 1).replace(/^\/+/, "");
  return {
    ...COMMIT.test(ref) ? { revision: ref.toLowerCase() } : {},
    ...dir === "" || dir === "." ? {} : { path: dir }
  };
}
function cleanRevision(text) {
  const trimmed = text?.trim();
  if (trimmed === void 0 || !SAFE_REVISION.test(trimmed)) return void 0;
  return COMMIT.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}
function withParts(url, revision, path3, from) {
  return {
    url,
    ...revision === void 0 ? {} : { revision },
    ...path3 === void 0 ? {} : { path: path3 },
    from
  };
}
function sourceFromProvenance(predicateType, predicate) {
  if (!predicateType.startsWith("https://slsa.dev/provenance/")) {
    return void 0;
  }
  const p = asRecord(predicate);
  const v1 = asRecord(p?.["buildDefinition"]);
  const v02 = asRecord(p?.["invocation"]);
  const config = asRecord(
    v1 === void 0 ? v02?.["configSource"] : asRecord(v1["externalParameters"])?.["configSource"]
  );
  const fromConfig = refFromEntry(
    config,
    string(config?.["entryPoint"]) ?? string(config?.["path"])
  );
  if (fromConfig !== void 0) return fromConfig;
  const entries = v1 === void 0 ? p?.["materials"] : v1["resolvedDependencies"];
  if (!Array.isArray(entries)) return void 0;
  for (const entry of entries) {
    const found = refFromEntry(asRecord(entry), void 0);
    if (found?.revision !== void 0) return found;
  }
  return void 0;
}
function refFromEntry(entry, file) {
  const uri = string(entry?.["uri"]);
  if (uri === void 0 || uri.startsWith("pkg:")) return void 0;
  const normalized2 = normalizeSourceUrl(uri);
  if (normalized2 === void 0) return void 0;
  const digest = asRecord(entry?.["digest"]);
  const revision = cleanRevision(string(digest?.["sha1"])) ?? cleanRevision(string(digest?.["gitCommit"])) ?? normalized2.revision;
  const path3 = normalized2.path ?? (file === void 0 || file === "Dockerfile" ? void 0 : file);
  return withParts(normalized2.url, revision, path3, "provenance");
}
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function string(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function forgeOf(url) {
  let host;
  try {
    host = new URL(url).hostname;
  } catch {
    return void 0;
  }
  if (host === "github.com" || host === "www.github.com") return "github";
  if (host === "gitlab.com" || host.startsWith("gitlab.")) return "gitlab";
  return void 0;
}
function isKnownForge(hostname) {
  return forgeOf(`https://${hostname}/`) !== void 0;
}
function repositoryRoot(url) {
  const forge = forgeOf(url);
  if (forge === void 0) return void 0;
  const parsed = new URL(url);
  const segments = parsed.pathname.split("/").filter((s) => s !== "");
  const repo = forge === "github" ? segments.length >= 2 ? segments.slice(0, 2) : void 0 : segments.length >= 2 ? segments.slice(0, indexOrEnd(segments, "-")) : void 0;
  if (repo === void 0 || repo.length < 2) return void 0;
  return `https://${parsed.host.replace(/^www\./, "")}/${repo.join("/")}`;
}
function indexOrEnd(segments, value) {
  const index = segments.indexOf(value);
  return index < 0 ? segments.length : index;
}
function sourceLink(old, next) {
  const oldRoot = old === void 0 ? void 0 : repositoryRoot(old.url);
  const newRoot = next === void 0 ? void 0 : repositoryRoot(next.url);
  const dash = (root) => forgeOf(root) === "gitlab" ? "/-" : "";
  if (oldRoot !== void 0 && newRoot !== void 0 && oldRoot.toLowerCase() === newRoot.toLowerCase() && old?.revision !== void 0 && next?.revision !== void 0 && old.revision !== next.revision) {
    const url2 = `${newRoot}${dash(newRoot)}/compare/${old.revision}...${next.revision}`;
    return { kind: "compare", url: url2 };
  }
  const side = newRoot !== void 0 && next?.revision !== void 0 ? { root: newRoot, revision: next.revision } : oldRoot !== void 0 && old?.revision !== void 0 ? { root: oldRoot, revision: old.revision } : void 0;
  if (side === void 0) return void 0;
  const url = `${side.root}${dash(side.root)}/commit/${side.revision}`;
  return { kind: "commit", url };
}

// src/pipeline/evidence-source.ts
var CONFIG_MAX_BYTES = 4 * 1024 * 1024;
async function sideSource(reads, at, side, provenanceMaxBytes) {
  const errors = [];
  let first;
  for (const step of steps(reads, at, side, provenanceMaxBytes)) {
    let found;
    try {
      found = await step();
    } catch (error) {
      errors.push(error);
    }
    if (found === void 0) continue;
    if (first === void 0) first = found;
    if (found.revision !== void 0 && sameRepository(first, found)) {
      return first === found ? found : { ...first, revision: found.revision };
    }
  }
  if (first !== void 0) return first;
  if (errors.length > 0) throw errors[0];
  return void 0;
}
function sameRepository(a, b) {
  return a.url.toLowerCase() === b.url.toLowerCase();
}
function steps(reads, at, side, provenanceMaxBytes) {
  const digest = side.platformManifest;
  if (side.image.kind === "manifest") {
    const body = side.image.body;
    return [
      () => sourceFromAnnotations(readManifestAnnotations(body), "manifest"),
      async () => configSource(reads, at, body)
    ];
  }
  const view = side.image.view;
  const entry = entryOf(view, digest);
  const manifestBody = async () => digest === void 0 ? void 0 : (await reads.manifest(at, digest)).body;
  return [
    () => sourceFromAnnotations(view.annotations, "index"),
    () => entry === void 0 ? void 0 : sourceFromAnnotations(entry.annotations, "descriptor"),
    async () => {
      const body = await manifestBody();
      return body === void 0 ? void 0 : sourceFromAnnotations(readManifestAnnotations(body), "manifest");
    },
    async () => {
      const body = await manifestBody();
      return body === void 0 ? void 0 : configSource(reads, at, body);
    },
    async () => {
      if (digest === void 0) return void 0;
      const attestation = await attestationOf(reads, at, view, digest);
      const layer = attestation?.provenance[0];
      if (layer === void 0) return void 0;
      const what = `the provenance attestation of ${at.repository}@${digest}`;
      const statement = await statementOf(
        reads,
        at,
        layer,
        provenanceMaxBytes,
        what
      );
      return sourceFromProvenance(statement.predicateType, statement.predicate);
    }
  ];
}
async function configSource(reads, at, manifestBody) {
  const config = configDigestOf(manifestBody);
  if (config === void 0) return void 0;
  const labels = readConfigLabels(
    await reads.blob(at, config, CONFIG_MAX_BYTES)
  );
  return sourceFromAnnotations(labels, "config");
}
async function sourcePart(reads, at, sides, provenanceMaxBytes) {
  const settle = async (side) => {
    if (side === void 0) return {};
    try {
      const ref = await sideSource(reads, at, side, provenanceMaxBytes);
      return ref === void 0 ? {} : { ref };
    } catch (error) {
      return { error: messageOf(error) };
    }
  };
  const [old, next] = await Promise.all([settle(sides.old), settle(sides.new)]);
  if (old.ref === void 0 && next.ref === void 0) {
    const error = next.error ?? old.error;
    return error === void 0 ? {
      kind: "absent",
      why: `no source published for ${at.repository} (no org.opencontainers.image.source annotation or label, no provenance with a git source)`
    } : { kind: "unavailable", why: `source of ${at.repository}: ${error}` };
  }
  const link = sourceLink(old.ref, next.ref);
  return {
    kind: "found",
    value: {
      ...old.ref === void 0 ? {} : { old: old.ref },
      ...next.ref === void 0 ? {} : { new: next.ref },
      ...link === void 0 ? {} : { link }
    }
  };
}

// src/pipeline/evidence.ts
var DEFAULT_BUDGET_MS = 6e4;
var DEFAULT_SBOM_MAX_BYTES = 48 * 1024 * 1024;
var CHANGE_CONCURRENCY = 4;
var FIRST_PIN = "first pin: nothing to compare";
async function gatherEvidence(plan, options, ports, locate2) {
  const changes2 = changesOf(plan, options.platforms);
  return evidenceOfChanges(changes2, options, ports, locate2, plan.resolutions);
}
async function evidenceOfChanges(changes2, options, ports, locate2, resolutions = []) {
  const context = {
    options,
    ports,
    reads: memoizedReads(ports.source),
    budget: startBudget(options.budgetMs ?? DEFAULT_BUDGET_MS),
    resolved: new Map(
      resolutions.flatMap((r) => r.kind === "resolved" ? [[r.key, r]] : [])
    ),
    maxBytes: options.sbomMaxBytes ?? DEFAULT_SBOM_MAX_BYTES
  };
  const gathered = await mapLimited(
    changes2,
    CHANGE_CONCURRENCY,
    async (change) => {
      try {
        return await changeEvidence(change, locate2(change.key), context);
      } catch (error) {
        return everyPart(change, { kind: "unavailable", why: messageOf(error) });
      }
    }
  );
  for (const evidence of gathered) logParts(ports.logger, evidence);
  return new Map(gathered.map((e) => [evidenceKey(e.key, e.from, e.to), e]));
}
function everyPart(change, part2) {
  return {
    key: change.key,
    ...change.from === void 0 ? {} : { from: change.from },
    to: change.to,
    platforms: part2,
    source: part2,
    packages: part2,
    vulnerabilities: part2
  };
}
async function changeEvidence(change, at, context) {
  if (at === void 0) {
    const why = `no registry location known for ${change.key}: its evidence was not read`;
    return everyPart(change, { kind: "unavailable", why });
  }
  const images = await context.budget.run(
    async () => readSides(change, at, context.reads)
  );
  const resolved3 = context.resolved.get(change.key);
  const imageOf2 = (side) => images.kind === "found" ? images.value[side] : void 0;
  const oldEntries = change.from === void 0 ? void 0 : sideEntries(imageOf2("old"), change.from, resolved3, "old");
  const platforms = platformPart(
    oldEntries,
    sideEntries(imageOf2("new"), change.to, resolved3, "new"),
    change.from === void 0,
    change.counted,
    images.kind === "found" ? `the platforms of ${change.key} are not known` : images.why
  );
  const deltas = platforms.kind === "found" ? platforms.value : [];
  const [source, packages] = await Promise.all([
    context.budget.run(
      async () => readSource(change, at, images, deltas, context)
    ),
    context.budget.run(
      async () => readPackages(change, at, images, deltas, context)
    )
  ]);
  const vulnerabilities = change.from === void 0 ? { kind: "absent", why: FIRST_PIN } : await context.budget.run(
    async () => vulnerabilityPart(packages, context.ports.osv, context.options.osv)
  );
  const from = change.from === void 0 ? {} : { from: change.from };
  return {
    key: change.key,
    ...from,
    to: change.to,
    platforms,
    source,
    packages,
    vulnerabilities
  };
}
async function readSides(change, at, reads) {
  const [next, old] = await Promise.all([
    readImage(reads, at, change.to),
    change.from === void 0 ? void 0 : readImage(reads, at, change.from)
  ]);
  return {
    kind: "found",
    value: { new: next, ...old === void 0 ? {} : { old } }
  };
}
async function readSource(change, at, images, deltas, context) {
  if (images.kind !== "found") return images;
  const chosen = sourcePlatform(deltas);
  const newSide = {
    image: images.value.new,
    platformManifest: images.value.new.kind === "manifest" ? change.to : chosen?.to
  };
  const old = images.value.old;
  const oldSide = old === void 0 || change.from === void 0 ? void 0 : {
    image: old,
    platformManifest: old.kind === "manifest" ? change.from : chosen?.from
  };
  const sides = oldSide === void 0 ? { new: newSide } : { old: oldSide, new: newSide };
  return sourcePart(context.reads, at, sides, context.maxBytes);
}
async function readPackages(change, at, images, deltas, context) {
  if (change.from === void 0) return { kind: "absent", why: FIRST_PIN };
  if (images.kind !== "found") return images;
  const { old, new: next } = images.value;
  if (old?.kind !== "index" || next.kind !== "index") {
    const why = `${change.key} is pinned to a single-platform manifest: its SBOM is listed only in an image index`;
    return { kind: "absent", why };
  }
  const chosen = comparedPlatform(deltas);
  if (chosen?.from === void 0 || chosen.to === void 0) {
    return {
      kind: "absent",
      why: `no platform you build is in both the old and the new index of ${change.key}`
    };
  }
  const sides = {
    old: { view: old.view, manifest: chosen.from },
    new: { view: next.view, manifest: chosen.to }
  };
  return packagePart(
    context.reads,
    at,
    sides,
    chosen.platform,
    context.maxBytes
  );
}
function logParts(logger, evidence) {
  const parts = ["platforms", "source", "packages", "vulnerabilities"];
  for (const name of parts) {
    const part2 = evidence[name];
    if (part2.kind === "found") continue;
    logger.debug(
      `evidence for ${evidence.key} (${evidence.to}): ${name} ${part2.kind}: ${part2.why}`
    );
  }
}

// src/core/chains/rebuild-plan.ts
function buildMatrix(levels, chains) {
  return levels.flatMap(
    (files, level) => files.map((dockerfile) => ({
      dockerfile,
      context: contextOf(dockerfile, chains),
      level
    }))
  );
}
function contextOf(dockerfile, chains) {
  const producers = (chains?.producers ?? []).filter(
    (p) => p.dockerfile === dockerfile
  );
  const declared = producers.find((p) => p.source !== "config") ?? producers.find(() => true);
  return declared?.context ?? folderOf(dockerfile);
}
function folderOf(file) {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "." : file.slice(0, slash);
}
function dispatchFiles(changed, levels) {
  const files = [...changed];
  for (const file of levels.flat()) if (!files.includes(file)) files.push(file);
  return files;
}
function chainsJson(chains) {
  return {
    edges: chains?.edges ?? [],
    levels: chains?.levels ?? [],
    cycles: chains?.cycles ?? [],
    problems: chains?.problems ?? []
  };
}
function chainWarnings(chains) {
  if (chains === void 0) return [];
  return [
    ...chains.problems.map((p) => `${p.file}:${p.line}: ${p.message}`),
    ...cycleWarnings(chains)
  ];
}
function cycleWarnings(chains) {
  return (chains?.cycles ?? []).map(
    (cycle) => `build cycle: ${cycle.join(", ")} build on each other's images, so no build order exists; they are in no rebuild level. Break the cycle (one of them must build FROM an image not built here).`
  );
}
function rebuiltEdgeLines(chains, rebuild) {
  const rebuilt = new Set(rebuild.flat());
  return (chains?.edges ?? []).filter((e) => rebuilt.has(e.parent)).map(
    (e) => `${e.child}:${e.line} builds on ${e.image} (${e.parent}): rebuilt after it${e.tagVerified ? "" : " (tag unverified)"}`
  );
}

// src/core/dockerfile/scan.ts
var import_dockerfile_ast2 = __toESM(require_main(), 1);

// src/core/dockerfile/lines.ts
function indexLines(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\r" && text[i + 1] === "\n") i++;
    if (ch === "\r" || ch === "\n") starts.push(i + 1);
  }
  return { text, starts };
}
function offsetAt(index, position) {
  return (index.starts[position.line] ?? index.text.length) + position.character;
}
function lineAt(index, offset) {
  let low = 0;
  let high = index.starts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((index.starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
function lineText(index, line) {
  const start = index.starts[line] ?? index.text.length;
  const next = index.starts[line + 1] ?? index.text.length;
  return index.text.slice(start, next).replace(/\r?\n$|\r$/, "");
}

// src/core/dockerfile/words.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
var OPERATOR = /^(?::-|:\+|:\?|:|-|\+|\?|##|#|%%|%|\/\/|\/)/;
function lexWord(text, start, end, escape) {
  const parts = new WordLexer(text, end, escape).lex(start);
  return { start, end, parts };
}
var WordLexer = class {
  constructor(text, end, escape) {
    this.text = text;
    this.end = end;
    this.escape = escape;
  }
  text;
  end;
  escape;
  parts = [];
  literal;
  quote;
  lex(start) {
    let i = start;
    while (i < this.end) i = this.step(i);
    this.flush();
    return this.parts;
  }
  /** Consumes what starts at `i` and returns the offset after it. */
  step(i) {
    const ch = this.text[i] ?? "";
    if (ch === this.escape) {
      const after = continuationEnd(this.text, i + 1, this.end);
      if (after !== void 0) {
        this.flush();
        return after;
      }
      if (this.quote !== "'") return this.escaped(i);
    }
    if ((ch === '"' || ch === "'") && (this.quote === void 0 || this.quote === ch)) {
      this.flush();
      this.quote = this.quote === void 0 ? ch : void 0;
      return i + 1;
    }
    const variable = ch === "$" && this.quote !== "'" ? lexVariable(this.text, i, this.end, this.escape) : void 0;
    if (variable === void 0) {
      this.add(ch, i, i + 1);
      return i + 1;
    }
    this.flush();
    this.parts.push(variable);
    return variable.end;
  }
  /** The escape character at `i` (not a continuation): the next character taken literally. */
  escaped(i) {
    this.add(this.text[i + 1] ?? "", i, Math.min(i + 2, this.end));
    return i + 2;
  }
  add(ch, from, to) {
    this.literal = {
      text: (this.literal?.text ?? "") + ch,
      start: this.literal?.start ?? from,
      end: to
    };
  }
  flush() {
    if (this.literal !== void 0)
      this.parts.push({ kind: "literal", ...this.literal });
    this.literal = void 0;
  }
};
function continuationEnd(text, from, end) {
  const rest = text.slice(from, end);
  const brk = /^[ \t]*(?:\r\n|\r|\n)/.exec(rest);
  if (brk === null) return void 0;
  const skipped2 = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*/.exec(
    rest.slice(brk[0].length)
  );
  return from + brk[0].length + (skipped2?.[0].length ?? 0);
}
function lexVariable(text, at, end, escape) {
  const braced = text[at + 1] === "{";
  const nameStart = at + (braced ? 2 : 1);
  const name = NAME.exec(text.slice(nameStart, end))?.[0];
  if (name === void 0) return void 0;
  const afterName = nameStart + name.length;
  if (!braced) {
    return { kind: "variable", name, operator: "", start: at, end: afterName };
  }
  const operator = OPERATOR.exec(text.slice(afterName, end))?.[0] ?? "";
  const close = closingBrace(text, afterName + operator.length, end, escape);
  if (close === void 0) return void 0;
  if (operator === "" && close !== afterName) return void 0;
  const wordStart = afterName + operator.length;
  const fallback = operator === ":-" || operator === "-" ? lexWord(text, wordStart, close, escape) : void 0;
  return {
    kind: "variable",
    name,
    operator,
    ...fallback === void 0 ? {} : { fallback },
    start: at,
    end: close + 1
  };
}
function closingBrace(text, from, end, escape) {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch === escape) i++;
    else if (ch === "$" && text[i + 1] === "{") depth++;
    else if (ch === "}" && depth-- === 0) return i;
  }
  return void 0;
}
function variables(word2) {
  return (word2?.parts ?? []).flatMap(
    (part2) => part2.kind === "variable" ? [part2, ...variables(part2.fallback)] : []
  );
}

// src/core/dockerfile/args.ts
var Args = class {
  globals = [];
  /** ARGs declared inside stages, for messages: name → first 0-based line. */
  staged = /* @__PURE__ */ new Map();
  uses = [];
  /** The declaration a reference sees: the last global one before `order`. */
  lookup(name, order2) {
    return this.globals.findLast((d) => d.name === name && d.order < order2);
  }
  /** Records every name an ARG instruction declares, as global or in a stage. */
  declare(instruction, inStage, source) {
    const { text, index, escape } = source;
    const line = instruction.getRange().start.line;
    for (const { start, end } of argWords(instruction, source)) {
      const raw = text.slice(start, end);
      const eq = raw.indexOf("=");
      const name = eq < 0 ? raw : raw.slice(0, eq);
      const value = eq < 0 ? void 0 : lexWord(text, start + eq + 1, end, escape);
      if (inStage) this.declareInStage(name, line, start, value);
      else this.declareGlobal(name, line, value, index);
    }
  }
  declareGlobal(name, line, value, index) {
    const order2 = this.globals.length;
    const decl = {
      name,
      line,
      order: order2,
      ...value === void 0 ? {} : { value }
    };
    this.globals.push(decl);
    this.recordUses(value, order2, index, `ARG ${name}`, decl);
  }
  /** `ARG NAME` without a value inside a stage imports the global value, so a digest there would reach the stage too. */
  declareInStage(name, line, start, value) {
    if (!this.staged.has(name)) this.staged.set(name, line);
    const decl = this.lookup(name, Infinity);
    if (value === void 0 && decl !== void 0)
      this.uses.push({ decl, start, line, by: `ARG ${name} in a stage` });
  }
  /** Records the references in `word` that resolve to a global ARG. */
  recordUses(word2, order2, index, by, inside) {
    for (const variable of variables(word2)) {
      const decl = this.lookup(variable.name, order2);
      if (decl === void 0) continue;
      const line = lineAt(index, variable.start);
      this.uses.push({
        decl,
        start: variable.start,
        line,
        by,
        ...inside === void 0 ? {} : { inside }
      });
    }
  }
  /**
   * Uses that matter: outside ARG values, or inside the value of an ARG that
   * is itself used. References only point to earlier declarations, so one
   * pass from the last declaration back settles it.
   */
  liveUses() {
    const live = new Set(
      this.uses.filter((u) => u.inside === void 0).map((u) => u.decl)
    );
    for (const decl of [...this.globals].reverse()) {
      if (!live.has(decl)) continue;
      for (const use of this.uses) if (use.inside === decl) live.add(use.decl);
    }
    return this.uses.filter((u) => u.inside === void 0 || live.has(u.inside));
  }
};
function argWords(instruction, source) {
  const words = [];
  let open;
  let quote;
  for (const argument of instruction.getArguments()) {
    const start = offsetAt(source.index, argument.getRange().start);
    const end = offsetAt(source.index, argument.getRange().end);
    open = { start: open?.start ?? start, end };
    quote = quoteAfter(source.text.slice(start, end), quote, source.escape);
    if (quote !== void 0) continue;
    words.push(open);
    open = void 0;
  }
  if (open !== void 0) words.push(open);
  return words;
}
function quoteAfter(raw, quote, escape) {
  let open = quote;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    const after = ch === escape ? continuationEnd(raw, i + 1, raw.length) : void 0;
    if (after !== void 0) i = after - 1;
    else if (ch === escape && open !== "'") i++;
    else if (ch === '"' || ch === "'")
      open = open === void 0 ? ch : open === ch ? void 0 : open;
  }
  return open;
}

// src/core/dockerfile/expand.ts
var PLATFORM_ARGS = /* @__PURE__ */ new Set([
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT"
]);
function fail(reason) {
  return { ok: false, reason };
}
function expandWord(args, word2, order2, whole = true) {
  let text = "";
  const pieces = [];
  for (const part2 of word2.parts) {
    if (part2.kind === "literal") {
      pieces.push({
        part: part2,
        from: text.length,
        to: text.length + part2.text.length
      });
      text += part2.text;
      continue;
    }
    const alone = whole && word2.parts.length === 1;
    const resolved3 = resolveVariable(args, part2, order2, alone);
    if (!resolved3.ok) return resolved3;
    const { inner, decl } = resolved3.value;
    pieces.push({
      part: part2,
      from: text.length,
      to: text.length + inner.text.length,
      inner,
      ...decl === void 0 ? {} : { decl }
    });
    text += inner.text;
  }
  return { ok: true, value: { text, pieces } };
}
function resolveVariable(args, part2, order2, whole) {
  const { name, operator } = part2;
  if (PLATFORM_ARGS.has(name)) {
    return fail(
      `the image depends on ${name}, which BuildKit sets per target platform, so no single digest can pin it; use one multi-platform tag instead`
    );
  }
  if (operator !== "" && operator !== ":-" && operator !== "-") {
    return fail(
      `\${${name}${operator}\u2026} is not supported for pinning; only $${name}, \${${name}} and \${${name}:-default} are. Put the whole image in one ARG with a default value`
    );
  }
  const decl = args.lookup(name, order2);
  if (decl?.value !== void 0) {
    const value = expandWord(args, decl.value, decl.order, whole);
    if (!value.ok) return value;
    if (value.value.text !== "" || operator !== ":-") {
      return { ok: true, value: { inner: value.value, decl } };
    }
  }
  if (part2.fallback === void 0) return fail(noValue(args, name, decl, whole));
  if (decl !== void 0 && decl.value === void 0 && operator === "-") {
    return fail(
      `ARG ${name} is declared without a value, and whether \${${name}-\u2026} then uses its default differs between BuildKit versions; write \${${name}:-\u2026} or give ARG ${name} a default value`
    );
  }
  const fallback = expandWord(args, part2.fallback, order2, whole);
  return fallback.ok ? { ok: true, value: { inner: fallback.value } } : fallback;
}
function noValue(args, name, decl, whole) {
  if (decl !== void 0) {
    const example = whole ? `one (ARG ${name}=image:tag)` : `the value you build with as its default (ARG ${name}=\u2026)`;
    return `ARG ${name} has no default value, so the image is only known at build time; give it ${example} to pin it`;
  }
  const staged = args.staged.get(name);
  if (staged !== void 0) {
    return `ARG ${name} is declared inside a stage (line ${staged + 1}), where FROM cannot see it; declare it with a default value above the first FROM to pin this image`;
  }
  return `ARG ${name} is not declared above the first FROM, so it expands to nothing; declare it there with a default value to pin this image`;
}

// src/core/dockerfile/pin.ts
function locatePin(expansion, tagStart, from) {
  const last = expansion.pieces.at(-1);
  if (last === void 0) return fail("the reference is empty");
  const inTag = expansion.pieces.filter(
    (p) => p !== last && p.part.kind === "variable" && (p.to > tagStart || p.from === p.to && p.from > tagStart)
  );
  const names = inTag.map((p) => p.part.kind === "variable" ? p.part.name : "");
  if (last.part.kind === "literal") {
    return literalTail(expansion, last.part, names, from);
  }
  return variableTail(last, last.part, names, tagStart, from);
}
function literalTail(expansion, last, names, from) {
  if (names.length > 0) {
    return fail(
      `the tag depends on ARG ${names.join(", ")} but the reference ends in fixed text, so a digest there would silently ignore a --build-arg that changes the tag; put the whole tag in one ARG to pin it`
    );
  }
  const start = expansion.pieces[0]?.part.start ?? last.start;
  return {
    ok: true,
    value: {
      start,
      end: last.end,
      ...from === void 0 ? {} : { arg: from },
      chain: from === void 0 ? [] : [from],
      path: []
    }
  };
}
function variableTail(last, part2, names, tagStart, from) {
  if (names.length > 0) {
    return fail(
      `the tag comes from several ARGs (${[...names, part2.name].join(", ")}), and a digest can only follow one of them; put the whole tag in one ARG to pin it`
    );
  }
  if (last.inner === void 0 || last.inner.text === "") {
    return fail(
      `the reference ends with $${part2.name}, which is empty; move the tag into ARG ${part2.name} or remove the variable`
    );
  }
  const holder = last.decl ?? from;
  const inner = locatePin(last.inner, tagStart - last.from, holder);
  if (!inner.ok) return inner;
  return { ok: true, value: throughVariable(inner.value, from, part2.start) };
}
function throughVariable(inner, holder, dollar) {
  const chain = /* @__PURE__ */ new Set([
    ...holder === void 0 ? [] : [holder],
    ...inner.chain
  ]);
  return { ...inner, chain: [...chain], path: [dollar, ...inner.path] };
}

// src/core/dockerfile/digest-pin.ts
var SPLIT = "the digest is not written in one piece (quotes, an escape, a line continuation or a variable splits it), so it cannot be replaced in place; write it in one piece, in the FROM line or alone in an ARG, to refresh it";
function locateDigest(source, expansion, digest, holder) {
  const last = expansion.pieces.findLast((p) => p.to > p.from);
  if (last === void 0 || !expansion.text.endsWith(digest)) return split();
  if (last.part.kind === "literal") {
    return literalDigest(source, last.part, digest, holder);
  }
  const inner = last.inner;
  if (inner === void 0 || inner.text.length < digest.length) return split();
  const next = last.decl === void 0 ? holder : { decl: last.decl, text: inner.text };
  const found = locateDigest(source, inner, digest, next);
  if (!found.ok) return found;
  return {
    ok: true,
    value: throughVariable(found.value, holder?.decl, last.part.start)
  };
}
function literalDigest(source, part2, digest, holder) {
  const { end } = part2;
  const start = end - digest.length;
  const written2 = source.text.slice(start, end);
  if (!part2.text.endsWith(digest) || written2 !== digest) return split();
  if (holder === void 0) {
    return {
      ok: true,
      value: { start, end, chain: [], path: [], digestOnly: true }
    };
  }
  const { decl, text } = holder;
  if (text !== digest && text !== `@${digest}`) {
    return {
      ok: false,
      code: "variable",
      reason: `ARG ${decl.name} holds other text besides the digest; an existing digest is refreshed on its own only where it is written in the FROM line or alone in an ARG (e.g. ARG ${decl.name}_DIGEST=${algorithm(digest)}:\u2026 and FROM \u2026@\${${decl.name}_DIGEST}), so move it to one of those to refresh it`,
      crowded: decl
    };
  }
  const value = {
    start,
    end,
    arg: decl,
    chain: [decl],
    path: [],
    digestOnly: true
  };
  return { ok: true, value };
}
function algorithm(digest) {
  return digest.slice(0, digest.indexOf(":"));
}
function split() {
  return { ok: false, code: "invalid", reason: SPLIT };
}

// src/core/dockerfile/drafts.ts
var SPLIT_AT = 'the digest is not written right after "@" at the end of the reference text (a line continuation, an escape or quotes split them), so it cannot be replaced in place; write the reference and its digest in one piece to refresh it';
var DIGEST_ONLY = "no tag to track; add the tag you want to follow, e.g. image:tag@sha256:\u2026";
function refDraft(source, base, expansion) {
  const parsed = parseImageRef(base.image);
  if (!parsed.ok) return skipped(base, "invalid", sentence(parsed.error));
  const withRef = { ...base, ref: parsed.ref };
  const digest = parsed.ref.digest;
  if (parsed.ref.tag === void 0 && digest !== void 0) {
    return skipped(withRef, "digest-only", DIGEST_ONLY);
  }
  const pin = locatePin(expansion, parsed.ref.name.length);
  if (digest === void 0) {
    if (!pin.ok) return skipped(withRef, "variable", sentence(pin.reason));
    return draft(source, withRef, pin.value, pin.value.end - pin.value.start);
  }
  return pinnedDraft(source, withRef, expansion, pin, digest);
}
function pinnedDraft(source, site, expansion, pin, digest) {
  const spanText = pin.ok ? source.text.slice(pin.value.start, pin.value.end) : "";
  if (pin.ok && spanText.endsWith(`@${digest}`)) {
    const prefix = spanText.length - digest.length - 1;
    return draft(source, site, pin.value, prefix);
  }
  const target = locateDigest(source, expansion, digest);
  if (target.ok) return draft(source, site, target.value, 0);
  if (pin.ok && target.crowded !== void 0 && target.crowded === pin.value.arg) {
    return skipped(site, "invalid", sentence(SPLIT_AT));
  }
  return skipped(site, target.code, sentence(target.reason));
}
function draft(source, site, pin, prefixLength) {
  return {
    site: {
      ...site,
      span: { start: pin.start, end: pin.end },
      spanText: source.text.slice(pin.start, pin.end),
      spanPrefixLength: prefixLength,
      spanLine: lineAt(source.index, pin.start) + 1,
      ...pin.arg === void 0 ? {} : { spanArg: pin.arg.name },
      ...pin.digestOnly === true ? { spanIsDigest: true } : {}
    },
    pin
  };
}
function literalExpansion(image, start, end) {
  const literal2 = { kind: "literal", text: image, start, end };
  return {
    text: image,
    pieces: [{ part: literal2, from: 0, to: image.length }]
  };
}
function skipped(site, code, message) {
  return { site: { ...site, skip: { code, message } } };
}
function finish(draft2) {
  if (draft2.site.skip === void 0) return draft2.site;
  const {
    span: _span,
    spanText: _text,
    spanPrefixLength: _prefix,
    spanLine: _line,
    spanArg: _arg,
    spanIsDigest: _digest,
    ...site
  } = draft2.site;
  return site;
}
function sentence(reason) {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// src/core/dockerfile/directives.ts
var IGNORE_COMMENT = /^freshbase\s*:\s*ignore(?![\w-])/i;
function ignoreChecker(dockerfile, index) {
  const commentLines = /* @__PURE__ */ new Set();
  const ignoreLines = /* @__PURE__ */ new Set();
  for (const comment of dockerfile.getComments()) {
    const line = comment.getRange().start.line;
    commentLines.add(line);
    const content = lineText(index, line).replace(/^\uFEFF?\s*#\s*/, "");
    if (IGNORE_COMMENT.test(content)) ignoreLines.add(line);
  }
  return (line) => {
    for (let above = line - 1; commentLines.has(above); above--) {
      if (ignoreLines.has(above)) return true;
    }
    return false;
  };
}
function syntaxSite(context) {
  const directive = findSyntaxDirective(context.text, context.index);
  if (directive === void 0) return void 0;
  const { line, start, image } = directive;
  const base = {
    file: context.file,
    line: line + 1,
    source: "syntax",
    image
  };
  return refDraft(
    context,
    base,
    literalExpansion(image, start, start + image.length)
  );
}
function findSyntaxDirective(text, index) {
  const seen = /* @__PURE__ */ new Set();
  for (let line = 0; line < index.starts.length; line++) {
    const skip2 = line === 0 && text.startsWith("\uFEFF") ? 1 : 0;
    const content = lineText(index, line).slice(skip2);
    if (line === 0 && content.startsWith("#!")) continue;
    if (!content.startsWith("#")) return void 0;
    const body = content.slice(1).trimStart();
    const match = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/d.exec(body);
    const key = match?.[1]?.toLowerCase();
    const valueAt = match?.indices?.[2]?.[0];
    if (key === void 0 || valueAt === void 0 || seen.has(key))
      return void 0;
    if (key !== "syntax" && key !== "escape" && key !== "check")
      return void 0;
    seen.add(key);
    if (key !== "syntax") continue;
    const start = (index.starts[line] ?? 0) + skip2 + content.length - body.length + valueAt;
    const image = (match?.[2] ?? "").split(" ")[0] ?? "";
    return { line, start, image };
  }
  return void 0;
}

// src/core/dockerfile/parse.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
var HEREDOC_CAPABLE = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var FD_HEREDOC = /^(?<fd>\d+)<<-?[^<]/;
function parseDockerfile(text, index) {
  const directives = buildkitDirectives(text, index);
  let masked = text;
  for (let round = 0; round < 20; round++) {
    const dockerfile = import_dockerfile_ast.DockerfileParser.parse(masked);
    if (round === 0 && dockerfile.getEscapeCharacter() !== directives.escape) {
      masked = maskDirectives(text, index, directives);
      continue;
    }
    if (!/\d<</.test(masked)) return dockerfile;
    const digits = fdHeredocDigits(dockerfile, index);
    if (digits.length === 0) return dockerfile;
    for (const { start, end } of digits) {
      masked = masked.slice(0, start) + " ".repeat(end - start) + masked.slice(end);
    }
  }
  return import_dockerfile_ast.DockerfileParser.parse(masked);
}
function fdHeredocDigits(dockerfile, index) {
  const escape = dockerfile.getEscapeCharacter();
  const found = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (!HEREDOC_CAPABLE.has(instruction.getKeyword())) continue;
    const last = commandEndLine(
      index,
      escape,
      instruction.getRange().start.line
    );
    for (const argument of instruction.getArguments()) {
      const fd = FD_HEREDOC.exec(argument.getValue())?.groups?.["fd"];
      const start = argument.getRange().start;
      if (fd === void 0 || start.line > last) continue;
      const offset = offsetAt(index, start);
      found.push({ start: offset, end: offset + fd.length });
    }
  }
  return found;
}
function commandEndLine(index, escape, first) {
  const e = escape === "`" ? "`" : "\\\\";
  const continues = new RegExp(`(?:^|[^${e}])${e}[ \\t]*$`);
  const skippable = (line2) => /^\s*(?:#.*)?$/.test(lineText(index, line2));
  let line = first;
  while (continues.test(lineText(index, line)) && line + 1 < index.starts.length) {
    line++;
    while (skippable(line) && line + 1 < index.starts.length) line++;
  }
  return line;
}
var GO_SPACES = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*/;
var DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^]+?)[\t\n\f\r ]*$/;
var DIRECTIVE_KEYS = /* @__PURE__ */ new Set(["syntax", "escape", "check"]);
function buildkitDirectives(text, index) {
  const seen = /* @__PURE__ */ new Set();
  let block = { lines: 0, escape: "\\" };
  for (let line = 0; line < index.starts.length; line++) {
    const { start, end } = lineContent(text, index, line);
    const content = text.slice(start, end).replace(GO_SPACES, "");
    if (!content.startsWith("#")) return block;
    const match = DIRECTIVE.exec(content.slice(1).replace(GO_SPACES, ""));
    const key = match?.[1]?.toLowerCase() ?? "";
    const value = match?.[2] ?? "";
    if (!DIRECTIVE_KEYS.has(key) || seen.has(key)) return block;
    if (key === "escape" && value !== "\\" && value !== "`") return block;
    seen.add(key);
    block = key === "escape" ? { lines: line + 1, escape: value, escapeLine: line } : { ...block, lines: line + 1 };
  }
  return block;
}
function lineContent(text, index, line) {
  const first = index.starts[line] ?? text.length;
  const start = line === 0 && text.startsWith("\uFEFF") ? first + 1 : first;
  return { start, end: first + lineText(index, line).length };
}
function maskDirectives(text, index, block) {
  let masked = text;
  const rewrite = (line, make) => {
    const { start: start2, end: end2 } = lineContent(text, index, line);
    const replacement = make(end2 - start2);
    if (replacement.length !== end2 - start2) return;
    masked = masked.slice(0, start2) + replacement + masked.slice(end2);
  };
  for (let line = 0; line < block.lines; line++) {
    const body = line === block.escapeLine ? `escape=${block.escape}` : "x=y";
    rewrite(line, (length) => `#${body.padStart(length - 1, " ")}`);
  }
  const { start, end } = lineContent(text, index, block.lines);
  const comment = /^[ \t]*#/.exec(text.slice(start, end))?.[0];
  if (block.lines < index.starts.length && comment !== void 0) {
    rewrite(block.lines, (length) => comment.padEnd(length, " "));
  }
  return masked;
}

// src/core/dockerfile/shared-args.ts
function settleSharedArgs(drafts, uses) {
  const groups = /* @__PURE__ */ new Map();
  for (const draft2 of drafts) {
    if (draft2.pin?.arg === void 0) continue;
    const key = `${draft2.pin.start}:${draft2.pin.end}`;
    groups.set(key, [...groups.get(key) ?? [], draft2]);
  }
  const blocked = /* @__PURE__ */ new Map();
  for (const group2 of groups.values()) {
    const reason = sharingProblem(group2, uses);
    if (reason !== void 0)
      for (const draft2 of group2) blocked.set(draft2, reason);
  }
  return drafts.map((draft2) => {
    const reason = blocked.get(draft2);
    return reason === void 0 ? draft2 : skipped(draft2.site, "variable", reason);
  });
}
function sharingProblem(group2, uses) {
  const images = [...new Set(group2.map((d) => d.site.image))];
  const arg = group2[0]?.pin?.arg?.name ?? "";
  if (images.length > 1) {
    return `ARG ${arg} is used by several FROM lines for different images (${images.join(", ")}), and one digest cannot pin them all; give each image its own ARG.`;
  }
  const chain = new Set(group2.flatMap((d) => d.pin?.chain ?? []));
  const followed = new Set(group2.flatMap((d) => d.pin?.path ?? []));
  const other = uses.find((u) => chain.has(u.decl) && !followed.has(u.start));
  if (other === void 0) return void 0;
  const used = `ARG ${other.decl.name} is also used by ${other.by} on line ${other.line + 1}, which a`;
  if (group2[0]?.pin?.digestOnly === true) {
    return `${used} new digest in its value would change too; write the digest in the FROM line, or give this FROM an ARG of its own for it, to refresh it.`;
  }
  return `${used} digest in its value would change too; give this image its own ARG (e.g. ARG ${arg}_IMAGE=${images[0] ?? "image:tag"}) to pin it.`;
}

// src/core/dockerfile/sites.ts
var NO_IMAGE = "FROM names no image; BuildKit rejects this line.";
var IGNORED = 'Marked "# freshbase: ignore" in the comment above the instruction.';
function fromSite(context, instruction, stage, earlierStages) {
  const line = instruction.getRange().start.line;
  const platform = literalPlatform(context, instruction);
  const base = {
    file: context.file,
    line: line + 1,
    source: "from",
    stage,
    ...platform === void 0 ? {} : { platform }
  };
  const range = instruction.getImageRange();
  if (range === null) {
    return skipped({ ...base, image: "" }, "invalid", NO_IMAGE);
  }
  const word2 = wordAt(context, range);
  context.args.recordUses(word2, Infinity, context.index, "FROM");
  const expanded = expandWord(context.args, word2, Infinity);
  const image = expanded.ok ? expanded.value.text : context.text.slice(word2.start, word2.end);
  if (context.isIgnored(line)) {
    return skipped({ ...base, image }, "ignored", IGNORED);
  }
  if (!expanded.ok) {
    return skipped({ ...base, image }, "variable", sentence(expanded.reason));
  }
  const other = notAnImage(image, earlierStages);
  if (other !== void 0) return skipped({ ...base, image }, ...other);
  return refDraft(context, { ...base, image }, expanded.value);
}
function literalPlatform(context, instruction) {
  const flag = instruction.getPlatformFlag();
  const range = flag?.getValueRange() ?? null;
  if (range === null) return void 0;
  const word2 = wordAt(context, range);
  context.args.recordUses(word2, Infinity, context.index, "FROM --platform");
  const value = flag?.getValue() ?? "";
  return value === "" || value.includes("$") ? void 0 : value;
}
function notAnImage(image, earlierStages) {
  if (image === "scratch") {
    return [
      "scratch",
      '"scratch" is the empty base image; there is nothing to pin.'
    ];
  }
  if (earlierStages.has(image.toLowerCase())) {
    return ["stage", `"${image}" is an earlier build stage, not an image.`];
  }
  return void 0;
}
function copySites(context, instruction, stage) {
  const drafts = [];
  for (const flag of instruction.getFlags()) {
    const range = flag.getValueRange();
    if (flag.getName() !== "from" || range === null) continue;
    const draft2 = fromFlagSite(
      context,
      instruction,
      "copy-from",
      spanAt(context, range),
      stage
    );
    if (draft2 !== void 0) drafts.push(draft2);
  }
  return drafts;
}
function mountSites(context, instruction, stage) {
  const drafts = [];
  for (const flag of instruction.getFlags()) {
    const range = flag.getValueRange();
    if (flag.getName() !== "mount" || range === null) continue;
    const options = mountOptions(context, spanAt(context, range));
    const type = options.find((o) => o.name === "type")?.value ?? "bind";
    if (type.toLowerCase() !== "bind" && type.toLowerCase() !== "cache")
      continue;
    for (const option of options) {
      if (option.name !== "from") continue;
      const draft2 = fromFlagSite(
        context,
        instruction,
        "mount-from",
        option.span,
        stage
      );
      if (draft2 !== void 0) drafts.push(draft2);
    }
  }
  return drafts;
}
function mountOptions(source, span) {
  const options = [];
  let field = [];
  for (const c of [...cookedChars(source, span), void 0]) {
    if (c !== void 0 && c.ch !== ",") {
      field.push(c);
      continue;
    }
    const eq = field.findIndex((f) => f.ch === "=");
    const at = field[eq];
    if (at !== void 0) {
      const value = field.slice(eq + 1);
      options.push({
        name: joined(field.slice(0, eq)).toLowerCase(),
        value: joined(value),
        span: {
          start: value[0]?.start ?? at.end,
          end: value.at(-1)?.end ?? at.end
        }
      });
    }
    field = [];
  }
  return options;
}
function cookedChars(source, span) {
  const { text, escape } = source;
  const chars = [];
  let quote;
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i] ?? "";
    const after = ch === escape ? continuationEnd(text, i + 1, span.end) : void 0;
    if (after !== void 0) {
      i = after - 1;
    } else if (ch === escape && quote !== "'" && i + 1 < span.end) {
      chars.push({ ch: text[i + 1] ?? "", start: i, end: i + 2 });
      i++;
    } else if ((ch === '"' || ch === "'") && (quote === void 0 || quote === ch)) {
      quote = quote === void 0 ? ch : void 0;
    } else {
      chars.push({ ch, start: i, end: i + 1 });
    }
  }
  return chars;
}
function joined(chars) {
  return chars.map((c) => c.ch).join("");
}
function fromFlagSite(context, instruction, source, span, stage) {
  const word2 = lexWord(context.text, span.start, span.end, context.escape);
  const literal2 = word2.parts.every((part2) => part2.kind === "literal");
  const image = literal2 ? word2.parts.map((part2) => part2.kind === "literal" ? part2.text : "").join("") : context.text.slice(word2.start, word2.end);
  if (image === "" || /^\d+$/.test(image) || context.stageNames.has(image.toLowerCase()))
    return void 0;
  const line = instruction.getRange().start.line;
  const base = {
    file: context.file,
    line: line + 1,
    source,
    image,
    ...stage === void 0 ? {} : { stage }
  };
  if (context.isIgnored(line)) return skipped(base, "ignored", IGNORED);
  const expanded = literal2 ? expandWord(context.args, word2, Infinity) : null;
  if (expanded === null || !expanded.ok) {
    const where = source === "copy-from" ? "COPY --from (BuildKit rejects it)" : "a mount's from= when pinning";
    return skipped(
      base,
      "variable",
      `Variables are not supported in ${where}; write the image literally to pin it.`
    );
  }
  return refDraft(context, base, expanded.value);
}
function spanAt(context, range) {
  return {
    start: offsetAt(context.index, range.start),
    end: offsetAt(context.index, range.end)
  };
}
function wordAt(context, range) {
  const { start, end } = spanAt(context, range);
  return lexWord(context.text, start, end, context.escape);
}

// src/core/dockerfile/scan.ts
function pinnedSpanText(site, digest) {
  if (site.spanIsDigest === true) return digest;
  const text = site.spanText ?? "";
  const tag = site.ref !== void 0 && site.ref.tag === void 0 ? ":latest" : "";
  return `${text.slice(0, site.spanPrefixLength ?? text.length)}${tag}@${digest}`;
}
function scanDockerfile(file, raw) {
  const text = withoutLoneCarriageReturns(raw);
  const index = indexLines(text);
  const dockerfile = parseDockerfile(text, index);
  const context = siteContext(file, text, index, dockerfile);
  const drafts = [];
  const syntax = syntaxSite(context);
  if (syntax !== void 0) drafts.push(syntax);
  drafts.push(...instructionSites(context, dockerfile));
  return settleSharedArgs(drafts, context.args.liveUses()).map(finish);
}
function withoutLoneCarriageReturns(text) {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, " ") : text;
}
function siteContext(file, text, index, dockerfile) {
  const escape = dockerfile.getEscapeCharacter();
  const source = { text, index, escape };
  const stageNames = /* @__PURE__ */ new Set();
  for (const from of dockerfile.getFROMs()) {
    const name = buildStage(source, from);
    if (name !== void 0) stageNames.add(name.toLowerCase());
  }
  return {
    file,
    text,
    index,
    escape,
    args: new Args(),
    isIgnored: ignoreChecker(dockerfile, index),
    stageNames
  };
}
function buildStage(source, from) {
  const range = from.getBuildStageRange();
  if (range === null) return void 0;
  const start = offsetAt(source.index, range.start);
  const end = offsetAt(source.index, range.end);
  const word2 = lexWord(source.text, start, end, source.escape);
  return word2.parts.map(
    (p) => p.kind === "literal" ? p.text : source.text.slice(p.start, p.end)
  ).join("");
}
function instructionSites(context, dockerfile) {
  const drafts = [];
  const earlierStages = /* @__PURE__ */ new Set();
  let stage;
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof import_dockerfile_ast2.From) {
      const name = buildStage(context, instruction);
      const index = (stage?.index ?? -1) + 1;
      stage = name === void 0 ? { index } : { index, name };
      drafts.push(fromSite(context, instruction, stage, earlierStages));
      if (name !== void 0) earlierStages.add(name.toLowerCase());
    } else if (instruction instanceof import_dockerfile_ast2.Arg) {
      context.args.declare(instruction, stage !== void 0, context);
    } else if (instruction instanceof import_dockerfile_ast2.Copy) {
      drafts.push(...copySites(context, instruction, stage));
    } else if (instruction instanceof import_dockerfile_ast2.Run) {
      drafts.push(...mountSites(context, instruction, stage));
    }
  }
  return drafts;
}

// src/core/kept-proposal.ts
function targetName(file, key) {
  return `${file} ${key}`;
}
function proposedByKey(proposed) {
  const byKey = /* @__PURE__ */ new Map();
  for (const [target, list] of proposed) {
    const key = target.slice(target.lastIndexOf(" ") + 1);
    const digests = byKey.get(key) ?? /* @__PURE__ */ new Set();
    for (const digest of list) digests.add(digest);
    byKey.set(key, digests);
  }
  return new Map([...byKey].map(([key, set]) => [key, [...set]]));
}
function keptProposal(resolved3, target, current, proposed, counted) {
  const next = resolved3.manifests;
  if (proposed === void 0 || next === void 0) return void 0;
  if (target === current || target !== resolved3.digest) return void 0;
  if (proposed.includes(target)) return void 0;
  for (const digest of proposed) {
    const old = resolved3.previousManifests?.[digest];
    if (digest === current || old === void 0) continue;
    const verdict = proposalVerdict(comparePlatforms(old, next, counted));
    if (verdict.propose) continue;
    const why = verdict.reason === "attestations only" ? "only attestations changed" : verdict.reason;
    return { digest, why };
  }
  return void 0;
}
function keptForSite(site, key, resolved3, target, policy) {
  const proposed = policy.proposed?.get(targetName(site.file, key));
  const counted = countedPlatforms(policy.platforms ?? [], site.platform);
  const current = site.ref?.digest;
  const kept = keptProposal(resolved3, target, current, proposed, counted);
  if (kept === void 0) return void 0;
  const warning = `${site.file}:${site.line}: "${site.image}": kept ${kept.digest}, which the open pull request proposes: the tag moved on to ${target}, but since ${kept.digest} ${kept.why}, none of them a platform you build, so the pull request is left as it is (the 'platforms' setting says which platforms count).`;
  return { digest: kept.digest, warning };
}

// src/core/plan.ts
function planUpdates(sites, resolutions, policy) {
  const byKey = new Map(resolutions.map((r) => [r.key, r]));
  const decided = sites.map((site) => decideSite(site, byKey, policy));
  const rows = rejectConflictingEdits(decided);
  return { rows: rows.map((d) => d.row), files: collectEdits(rows), resolutions };
}
function decideSite(site, byKey, policy) {
  const base = {
    file: site.file,
    line: site.line,
    image: site.image,
    source: site.source,
    ...site.kind === void 0 ? {} : { kind: site.kind },
    ...site.yamlPath === void 0 ? {} : { yamlPath: site.yamlPath },
    ...site.platform === void 0 ? {} : { platform: site.platform }
  };
  const ref = site.ref;
  if (site.skip !== void 0 || ref === void 0) {
    const reason = site.skip?.message ?? "not an image reference";
    return { site, row: { ...base, decision: "skipped", reason, warnings: [] } };
  }
  const key = canonicalKey(ref);
  const row2 = {
    ...base,
    key,
    ...ref.digest === void 0 ? {} : { currentDigest: ref.digest }
  };
  const resolution = byKey.get(key);
  if (resolution === void 0) {
    const reason = "not resolved";
    return { site, row: { ...row2, decision: "skipped", reason, warnings: [] } };
  }
  if (resolution.kind === "failed") {
    const { message: reason, hint } = resolution.failure;
    return {
      site,
      row: { ...row2, decision: "failed", reason, hint, warnings: [] }
    };
  }
  return decideResolved(site, row2, resolution, policy);
}
function decideResolved(site, base, resolution, policy) {
  const current = base.currentDigest;
  const tagTarget = targetDigest(resolution, current);
  const unchanged = notProposed(site, resolution, current, policy);
  const kept = unchanged === void 0 ? keptForSite(site, base.key, resolution, tagTarget, policy) : void 0;
  const target = kept?.digest ?? tagTarget;
  const warnings = platformWarnings(site, resolution, target !== current);
  if (kept !== void 0) warnings.push(kept.warning);
  const row2 = { ...base, newDigest: target, warnings };
  if (current === target)
    return { site, row: { ...row2, decision: "up to date" } };
  if (current === void 0 && !policy.pinUnpinned) {
    const reason = `"${site.image}" is not pinned and pin-unpinned is off; only existing pins are refreshed.`;
    return { site, row: { ...row2, decision: "skipped", reason } };
  }
  if (unchanged !== void 0) {
    const reason = `${unchanged}: "${site.image}" now points to ${target}, but no platform you build changed, so the bump is not proposed (the 'platforms' setting says which platforms count).`;
    const skipped2 = { decision: "skipped", reason, notProposed: true };
    return { site, row: { ...row2, ...skipped2 } };
  }
  const edit = editFor(site, target, base.key);
  if (edit === void 0) {
    const reason = `"${site.image}" has no rewritable text range.`;
    return { site, row: { ...row2, decision: "skipped", reason } };
  }
  const decision = current === void 0 ? "pin" : "update";
  const at = site.spanLine;
  const editLine = at === void 0 || at === site.line ? {} : { editLine: at };
  return { site, row: { ...row2, decision, ...editLine }, edit };
}
function targetDigest(resolved3, current) {
  if (current === void 0) return resolved3.digest;
  if (resolved3.manifests?.some((m) => m.digest === current) === true)
    return current;
  return resolved3.platformPins?.[current] ?? resolved3.digest;
}
function notProposed(site, resolved3, current, policy) {
  if (current === void 0 || resolved3.manifests === void 0) return;
  const old = resolved3.previousManifests?.[current];
  if (old === void 0) return;
  const counted = countedPlatforms(policy.platforms ?? [], site.platform);
  const verdict = proposalVerdict(
    comparePlatforms(old, resolved3.manifests, counted)
  );
  return verdict.propose ? void 0 : verdict.reason;
}
function platformWarnings(site, resolved3, changed) {
  const manifests = resolved3.manifests;
  if (site.platform === void 0 || manifests === void 0 || !changed)
    return [];
  const wanted = parsePlatform(site.platform);
  if (wanted === void 0) return [];
  if (findPlatform(manifests, wanted) !== void 0) return [];
  const offered = manifests.map((m) => formatPlatform(m.platform)).join(", ");
  return [
    `${site.file}:${site.line}: --platform=${site.platform} is not in the new index of "${site.image}" (it has: ${offered || "no platforms"}); the build will fail for that platform. Check the platform or pick a tag that publishes it.`
  ];
}
function editFor(site, digest, key) {
  if (site.span === void 0 || site.spanText === void 0) return void 0;
  return {
    span: site.span,
    expected: site.spanText,
    replacement: pinnedSpanText(site, digest),
    key
  };
}
function rejectConflictingEdits(decided) {
  const bySpan = /* @__PURE__ */ new Map();
  const spanKey = (d) => `${d.site.file}\0${d.edit?.span.start}:${d.edit?.span.end}`;
  for (const d of decided) {
    if (d.edit === void 0) continue;
    const set = bySpan.get(spanKey(d)) ?? /* @__PURE__ */ new Set();
    set.add(d.edit.replacement);
    bySpan.set(spanKey(d), set);
  }
  return decided.map((d) => {
    if (d.edit === void 0 || (bySpan.get(spanKey(d))?.size ?? 0) <= 1)
      return d;
    const reason = `${d.site.file}:${d.site.line}: "${d.site.image}" shares its ARG value with another FROM that needs a different digest; not changed. Give each FROM its own ARG.`;
    const { edit: _dropped, ...rest } = d;
    return { ...rest, row: { ...d.row, decision: "failed", reason } };
  });
}
function collectEdits(decided) {
  const files = /* @__PURE__ */ new Map();
  const kinds = /* @__PURE__ */ new Map();
  for (const d of decided) {
    if (d.site.kind !== void 0) kinds.set(d.site.file, d.site.kind);
    if (d.edit === void 0) continue;
    const edits = files.get(d.site.file) ?? [];
    const duplicate = edits.some(
      (e) => e.span.start === d.edit?.span.start && e.span.end === d.edit.span.end
    );
    if (!duplicate) edits.push(d.edit);
    files.set(d.site.file, edits);
  }
  return [...files].map(([file, edits]) => {
    const kind = kinds.get(file);
    return { file, ...kind === void 0 ? {} : { kind }, edits };
  });
}
function hasFailures(plan) {
  return plan.rows.some((row2) => row2.decision === "failed");
}

// src/core/resolve-requests.ts
function buildRequests(sites, registryMap) {
  const byKey = /* @__PURE__ */ new Map();
  for (const site of sites) {
    const first = firstLook(site, registryMap);
    if (first === void 0) continue;
    let entry = byKey.get(first.key);
    if (entry === void 0) {
      entry = { digests: /* @__PURE__ */ new Set(), request: first };
      byKey.set(first.key, entry);
    }
    for (const digest of first.currentDigests) entry.digests.add(digest);
  }
  return [...byKey.values()].map(({ request, digests }) => ({
    ...request,
    currentDigests: [...digests],
    needsManifestBody: digests.size === 0
  }));
}
function firstLook(site, registryMap) {
  const ref = site.ref;
  if (ref === void 0 || site.skip !== void 0) return void 0;
  const pinned = ref.digest === void 0 ? [] : [ref.digest];
  return {
    key: canonicalKey(ref),
    registry: registryMap[ref.registry] ?? ref.registry,
    repository: ref.repository,
    tag: ref.tag ?? "latest",
    currentDigests: pinned,
    needsManifestBody: pinned.length === 0
  };
}
function secondLook(request, asked, first, proposed = []) {
  if (first.kind !== "resolved") return void 0;
  const covered = /* @__PURE__ */ new Set([first.digest, ...asked.currentDigests]);
  const remaining = request.currentDigests.filter((d) => !covered.has(d));
  const extra = proposed.filter(
    (d) => !covered.has(d) && !remaining.includes(d) && !knownTo(first, d)
  );
  if (remaining.length + extra.length === 0) return void 0;
  return {
    ...request,
    currentDigests: [...remaining, ...extra],
    needsManifestBody: false,
    after: first
  };
}
function knownTo(first, digest) {
  if (first.manifests === void 0) return true;
  return first.manifests.some((m) => m.digest === digest) || first.previousManifests?.[digest] !== void 0 || first.platformPins?.[digest] !== void 0;
}

// src/core/chains/levels.ts
var byText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function childrenMap(edges) {
  const children = /* @__PURE__ */ new Map();
  for (const { parent, child } of edges) {
    for (const node of [parent, child]) {
      if (!children.has(node)) children.set(node, []);
    }
    const list = children.get(parent) ?? [];
    if (parent !== child && !list.includes(child)) list.push(child);
  }
  for (const list of children.values()) list.sort(byText);
  return children;
}
function order(edges) {
  const children = childrenMap(edges);
  const cycles = stronglyConnected(children).filter((component) => component.length > 1).map((component) => component.sort(byText)).sort((a, b) => byText(a[0] ?? "", b[0] ?? ""));
  const inCycle = new Set(cycles.flat());
  const indegree = /* @__PURE__ */ new Map();
  for (const [node, list] of children) {
    if (inCycle.has(node)) continue;
    if (!indegree.has(node)) indegree.set(node, 0);
    for (const child of list) {
      if (!inCycle.has(child))
        indegree.set(child, (indegree.get(child) ?? 0) + 1);
    }
  }
  const levels = [];
  let ready = [...indegree].filter(([, n]) => n === 0).map(([node]) => node);
  while (ready.length > 0) {
    levels.push(ready.sort(byText));
    const next = [];
    for (const node of ready) {
      for (const child of children.get(node) ?? []) {
        if (inCycle.has(child)) continue;
        const left = (indegree.get(child) ?? 0) - 1;
        indegree.set(child, left);
        if (left === 0) next.push(child);
      }
    }
    ready = next;
  }
  return { levels, cycles };
}
function stronglyConnected(children) {
  const index = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const stack = [];
  const onStack = /* @__PURE__ */ new Set();
  const components = [];
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const child of children.get(node) ?? []) {
      if (!index.has(child)) {
        visit(child);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(child) ?? 0));
      } else if (onStack.has(child)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(child) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let top;
    do {
      top = stack.pop();
      if (top === void 0) break;
      onStack.delete(top);
      component.push(top);
    } while (top !== node);
    components.push(component);
  };
  for (const node of [...children.keys()].sort(byText)) {
    if (!index.has(node)) visit(node);
  }
  return components;
}
function descendantsOf(chains, dockerfile) {
  const children = childrenMap(chains.edges);
  const seen = /* @__PURE__ */ new Set();
  const queue = [dockerfile];
  for (let node = queue.shift(); node !== void 0; node = queue.shift()) {
    for (const child of children.get(node) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  seen.delete(dockerfile);
  return [...seen].sort(byText);
}
function rebuildLevels(chains, changed) {
  const all = new Set(changed);
  for (const file of changed) {
    for (const descendant of descendantsOf(chains, file)) all.add(descendant);
  }
  const levelOf = /* @__PURE__ */ new Map();
  chains.levels.forEach((level, i) => {
    for (const file of level) levelOf.set(file, i);
  });
  const groups = /* @__PURE__ */ new Map();
  for (const file of all) {
    const level = levelOf.get(file) ?? 0;
    groups.set(level, [...groups.get(level) ?? [], file]);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((level) => (groups.get(level) ?? []).sort(byText));
}

// src/core/chains/graph.ts
var CHAIN_SOURCES = /* @__PURE__ */ new Set(["from", "copy-from", "mount-from"]);
function buildChains(producers, sites, problems) {
  const effective = winning(producers);
  const byRepository = /* @__PURE__ */ new Map();
  for (const producer of effective) {
    const list = byRepository.get(producer.repository) ?? [];
    list.push(producer);
    byRepository.set(producer.repository, list);
  }
  const edges = [];
  for (const site of sites) {
    const ref = chainRef(site);
    if (ref === void 0) continue;
    const candidates = (byRepository.get(repositoryOf(ref)) ?? []).filter(
      (p) => p.dockerfile !== site.file
    );
    if (candidates.length === 0) continue;
    const tag = followedTag(ref);
    const exact = tag === void 0 ? [] : candidates.filter((p) => p.tags?.includes(tag) === true);
    const parents = exact.length > 0 ? exact : candidates;
    for (const parent of [...new Set(parents.map((p) => p.dockerfile))]) {
      edges.push({
        parent,
        child: site.file,
        image: site.image,
        line: site.line,
        tagVerified: exact.length > 0
      });
    }
  }
  edges.sort(
    (a, b) => compare(a.child, b.child) || a.line - b.line || compare(a.parent, b.parent)
  );
  const { levels, cycles } = order(edges);
  return {
    producers: effective,
    edges,
    levels,
    cycles,
    problems: [...problems]
  };
}
function winning(producers) {
  const configured = new Set(
    producers.filter((p) => p.source === "config").map((p) => p.repository)
  );
  const seen = /* @__PURE__ */ new Set();
  return producers.filter((p) => {
    if (configured.has(p.repository) && p.source !== "config") return false;
    const key = JSON.stringify([
      p.dockerfile,
      p.repository,
      p.tags,
      p.target,
      p.source
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function isChainPlace(site) {
  return (site.kind === void 0 || site.kind === "dockerfile") && CHAIN_SOURCES.has(site.source);
}
function chainRef(site) {
  if (!isChainPlace(site)) return void 0;
  if (site.ref !== void 0) return site.ref;
  if (site.skip?.code !== "ignored") return void 0;
  const parsed = parseImageRef(site.image);
  return parsed.ok ? parsed.ref : void 0;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/chains/in-repo.ts
function isChainSite(site) {
  return site.skip === void 0 && site.ref !== void 0 && isChainPlace(site);
}
function namesProduced(site, producers) {
  if (!isChainSite(site) || site.ref === void 0) return false;
  const files = producers.get(repositoryOf(site.ref));
  return files !== void 0 && [...files].some((file) => file !== site.file);
}
function edgesOf(chains, site) {
  if (!isChainSite(site)) return [];
  const onLine = chains.edges.filter(
    (e) => e.child === site.file && e.line === site.line
  );
  const same = onLine.filter((e) => e.image === site.image);
  return same.length > 0 ? same : onLine;
}
function parentsOf(chains, site) {
  return [...new Set(edgesOf(chains, site).map((e) => e.parent))];
}
function builtHereReason(chains, site) {
  const edges = edgesOf(chains, site);
  const [first] = edges;
  if (first === void 0) return void 0;
  const built = `built in this repository (${parentsOf(chains, site).join(", ")})`;
  if (first.tagVerified) return { code: "built-here", message: built };
  const producer = producerFor(chains, site, first.parent);
  const why = producer === void 0 ? `the tags ${first.parent} is built with are not known` : unverifiedWhy(site, producer);
  return { code: "built-here", message: `${built} \u2014 tag unverified: ${why}` };
}
function producerFor(chains, site, parent) {
  const repository = site.ref === void 0 ? "" : repositoryOf(site.ref);
  return chains.producers.find(
    (p) => p.dockerfile === parent && p.repository === repository
  );
}
function unverifiedWhy(site, producer) {
  const at = `${producer.declaredIn.file}:${producer.declaredIn.line}`;
  const tag = site.ref?.tag ?? "latest";
  const tags = producer.tags;
  if (tags === void 0 || tags.length === 0)
    return `${producer.dockerfile} is tagged when it is built (${at}), so whether it builds :${tag} is not known; name the tag in the images setting to confirm it.`;
  return `${producer.dockerfile} is built as ${tags.map((t) => `:${t}`).join(", ")} (${at}), not :${tag}; check the FROM's tag.`;
}
function waitsReason(parent) {
  return {
    code: "built-here",
    message: `waits for ${parent} to be rebuilt: its new digest does not exist yet`
  };
}
function cycleReason(parent, cycle) {
  return {
    code: "built-here",
    message: `built in this repository (${parent}), in a build cycle (${cycle.join(", ")}): not pinned, as no build order exists; break the cycle.`
  };
}
function cycleOf(chains, dockerfile) {
  return chains.cycles.find((cycle) => cycle.includes(dockerfile));
}
function markBuiltHere(sites, chains) {
  return sites.map((site) => {
    const skip2 = builtHereReason(chains, site);
    return skip2 === void 0 ? site : { ...site, skip: skip2 };
  });
}
function selfAndAncestors(chains, dockerfile) {
  const seen = /* @__PURE__ */ new Set([dockerfile]);
  const queue = [dockerfile];
  for (let file = queue.shift(); file !== void 0; file = queue.shift()) {
    for (const edge of chains.edges) {
      if (edge.child !== file || seen.has(edge.parent)) continue;
      seen.add(edge.parent);
      queue.push(edge.parent);
    }
  }
  return [...seen];
}

// src/core/chains/interpolate.ts
var VARIABLE = /\$\$|\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?-)([^}]*))?\}|\$\{[^}]*\}|\$([_a-zA-Z][_a-zA-Z0-9]*)/g;
function interpolate(value, known = {}) {
  let unknownAt = -1;
  let text = "";
  let last = 0;
  for (const match of value.matchAll(VARIABLE)) {
    const index = match.index;
    text += value.slice(last, index);
    last = index + match[0].length;
    const name = match[1] ?? match[4];
    const settled = match[0] === "$$" ? "$" : name !== void 0 && known[name] !== void 0 ? known[name] : match[2] !== void 0 ? match[3] ?? "" : void 0;
    if (settled === void 0) {
      if (unknownAt < 0) unknownAt = text.length;
      text += match[0];
    } else text += settled;
  }
  text += value.slice(last);
  return { text, unknownAt };
}

// src/core/chains/paths.ts
function normalPath(path3) {
  if (path3.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path3)) return void 0;
  const parts = [];
  for (const part2 of path3.split("/")) {
    if (part2 === "" || part2 === ".") continue;
    if (part2 !== "..") parts.push(part2);
    else if (parts.pop() === void 0) return void 0;
  }
  return parts.length === 0 ? "." : parts.join("/");
}
function joinPath(dir, path3) {
  if (path3.startsWith("/")) return void 0;
  return normalPath(dir === "." ? path3 : `${dir}/${path3}`);
}
function dirOf(file) {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "." : file.slice(0, slash) || ".";
}
function isRemoteContext(context) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || /^git@/.test(context) || /\.git(?:#.*)?$/.test(context) || /^github\.com\//.test(context);
}

// src/core/chains/reference.ts
function namedImage(text) {
  const parsed = parseImageRef(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { ref } = parsed;
  const repository = repositoryOf(ref);
  const tag = followedTag(ref);
  return tag === void 0 ? { ok: true, repository } : { ok: true, repository, tag };
}
function runTimeTag(text, start) {
  const before = text.slice(0, start);
  const colon = before.lastIndexOf(":");
  if (colon < 0 || colon < before.lastIndexOf("/")) return void 0;
  const named = namedImage(before.slice(0, colon));
  return named.ok ? { ok: true, repository: named.repository } : named;
}
function listItems(value) {
  if (typeof value !== "string") {
    return value.map((v) => v.trim()).filter((v) => v !== "");
  }
  const items = [];
  let current = "";
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? "";
    if (value.startsWith("${{", i)) depth++;
    else if (depth > 0 && value.startsWith("}}", i)) depth--;
    if (depth === 0 && (ch === "," || ch === "\n" || ch === "\r")) {
      items.push(current);
      current = "";
    } else current += ch;
  }
  items.push(current);
  return items.map((v) => v.trim()).filter((v) => v !== "");
}

// src/core/chains/bake-producers.ts
function readBakeProducers(file, json) {
  let parsed;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    const why = error.message;
    return {
      producers: [],
      problems: [
        {
          file,
          line: 1,
          message: `${file} is not valid JSON (${why}), so the images its bake targets build are not known; fix it or list them in the images setting.`
        }
      ]
    };
  }
  const out = { producers: [], problems: [] };
  const root = isObject(parsed) ? parsed : {};
  const targets = isObject(root.target) ? root.target : {};
  const variables2 = variableDefaults(root.variable);
  for (const name of Object.keys(targets).sort()) {
    const target = merged(targets, name, /* @__PURE__ */ new Set());
    readTarget({ file, json, name, variables: variables2 }, target, out);
  }
  return out;
}
function variableDefaults(node) {
  const out = {};
  if (!isObject(node)) return out;
  for (const [name, value] of Object.entries(node)) {
    const fallback = isObject(value) ? value.default : void 0;
    if (typeof fallback === "string") out[name] = fallback;
  }
  return out;
}
function merged(targets, name, seen) {
  const own = targets[name];
  if (!isObject(own) || seen.has(name)) return {};
  seen.add(name);
  const parents = Array.isArray(own.inherits) ? own.inherits : [];
  let out = {};
  for (const parent of parents) {
    if (typeof parent === "string")
      out = { ...out, ...merged(targets, parent, seen) };
  }
  return { ...out, ...own };
}
function lineOfTarget(bake) {
  const start = Math.max(0, bake.json.indexOf('"target"'));
  const key = JSON.stringify(bake.name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${key}\\s*:\\s*\\{`).exec(bake.json.slice(start));
  if (match === null) return 1;
  return bake.json.slice(0, start + match.index).split("\n").length;
}
function problem(bake, why) {
  const line = lineOfTarget(bake);
  return {
    file: bake.file,
    line,
    message: `Bake target "${bake.name}" (${bake.file}:${line}) is not read as a build of this repository: ${why}. List the images it builds in the images setting (image=Dockerfile) to chain them.`
  };
}
function placeOf(bake, target) {
  if (typeof target["dockerfile-inline"] === "string") {
    return { ok: false, why: "its Dockerfile is inline (dockerfile-inline)" };
  }
  const text = (key, fallback) => {
    const value = target[key];
    return typeof value === "string" && value !== "" ? value : fallback;
  };
  const rawContext = interpolate(text("context", "."), bake.variables);
  const rawFile = interpolate(text("dockerfile", "Dockerfile"), bake.variables);
  for (const raw of [rawContext, rawFile]) {
    if (raw.unknownAt >= 0) {
      return { ok: false, why: `"${raw.text}" uses a variable with no default` };
    }
  }
  const contextText = rawContext.text.replace(/^cwd:\/\//, "");
  if (isRemoteContext(contextText) || contextText.startsWith("target:")) {
    return {
      ok: false,
      why: `its context "${contextText}" is not a directory of this checkout`
    };
  }
  const context = joinPath(dirOf(bake.file), contextText);
  const dockerfile = context === void 0 ? void 0 : joinPath(context, rawFile.text);
  if (context === void 0 || dockerfile === void 0 || dockerfile === ".") {
    return {
      ok: false,
      why: "its context or Dockerfile is absolute or outside the repository"
    };
  }
  return { ok: true, context, dockerfile };
}
function readTarget(bake, target, out) {
  const tags = Array.isArray(target.tags) ? target.tags.filter((t) => typeof t === "string") : [];
  if (tags.length === 0) return;
  const place = placeOf(bake, target);
  if (!place.ok) {
    out.problems.push(problem(bake, place.why));
    return;
  }
  const stage = typeof target.target === "string" && target.target !== "" ? target.target : void 0;
  const known = /* @__PURE__ */ new Map();
  for (const tag of tags) {
    const value = interpolate(tag, bake.variables);
    const named = value.unknownAt < 0 ? namedImage(value.text) : runTimeTag(value.text, value.unknownAt);
    if (named === void 0 || !named.ok) {
      const why = named === void 0 ? "uses a variable with no default in the image name" : named.error;
      out.problems.push(
        problem(
          bake,
          `tag "${tag}" ${named === void 0 ? why : `is not an image reference (${why})`}`
        )
      );
      continue;
    }
    const set = known.get(named.repository) ?? /* @__PURE__ */ new Set();
    if (named.tag !== void 0) set.add(named.tag);
    known.set(named.repository, set);
  }
  for (const [repository, set] of known) {
    out.producers.push({
      dockerfile: place.dockerfile,
      context: place.context,
      repository,
      ...set.size === 0 ? {} : { tags: [...set].sort() },
      ...stage === void 0 ? {} : { target: stage },
      source: "bake",
      declaredIn: { file: bake.file, line: lineOfTarget(bake) }
    });
  }
}

// src/core/chains/compose-producers.ts
var import_yaml5 = __toESM(require_dist(), 1);

// src/core/yaml/compose-build.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/core/yaml/document.ts
var import_yaml = __toESM(require_dist(), 1);
var TEMPLATE = /(?<!\$)\{\{/;
function parseYaml(file, kind, text) {
  const lineAt2 = lineFinder(text);
  const template = TEMPLATE.exec(text);
  if (template !== null) {
    return fileSkipped(
      file,
      kind,
      lineAt2(template.index),
      `${file} is a template ({{ \u2026 }} on line ${lineAt2(template.index)}), not YAML; skipped whole. Pin the image where the template takes it from (the chart's values.yaml).`
    );
  }
  const documents = (0, import_yaml.parseAllDocuments)(text, {
    keepSourceTokens: true,
    merge: true,
    uniqueKeys: false,
    prettyErrors: false
  });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    const [error] = document.errors;
    if (error !== void 0) {
      const line = lineAt2(error.pos[0]);
      return fileSkipped(
        file,
        kind,
        line,
        `${file} is not valid YAML (line ${line}: ${firstLine(error.message)}); skipped whole. Fix the file to let Freshbase pin its images.`
      );
    }
  }
  return {
    ok: true,
    yaml: {
      file,
      kind,
      text,
      documents: list,
      lineAt: lineAt2,
      ignoredAt: ignoreFinder(text)
    }
  };
}
function fileSkipped(file, kind, line, message) {
  return {
    ok: false,
    site: {
      file,
      kind,
      line,
      source: "file",
      image: "",
      skip: { code: "template", message }
    }
  };
}
function firstLine(message) {
  return message.split("\n")[0]?.replace(/\.$/, "") ?? message;
}
function lineFinder(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 && text.charCodeAt(i + 1) !== 10)
      starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
var IGNORE = /#\s*freshbase\s*:\s*ignore(?![\w-])/i;
function ignoreFinder(text) {
  const lines = text.split(/\r\n|\r|\n/);
  return (line) => {
    if (IGNORE.test(lines[line - 1] ?? "")) return true;
    for (let above = line - 2; above >= 0; above--) {
      const content = (lines[above] ?? "").replace(/^\uFEFF/, "");
      if (!/^\s*#/.test(content)) return false;
      if (IGNORE.test(content)) return true;
    }
    return false;
  };
}
function resolved(document, node) {
  if ((0, import_yaml.isAlias)(node)) return resolved(document, node.resolve(document));
  return node === null || node === void 0 ? void 0 : node;
}
function mapPairs(document, map, seen = /* @__PURE__ */ new Set()) {
  const out = /* @__PURE__ */ new Map();
  if (seen.has(map)) return out;
  seen.add(map);
  const merged2 = [];
  for (const pair of map.items) {
    const key = (0, import_yaml.isScalar)(pair.key) ? pair.key.value : pair.key;
    if (isMergeKey(pair.key)) {
      const value = resolved(document, pair.value);
      const sources = (0, import_yaml.isSeq)(value) ? value.items : [value];
      for (const source of sources) {
        const target = resolved(document, source);
        if ((0, import_yaml.isMap)(target)) merged2.push(target);
      }
      continue;
    }
    if (typeof key === "string" && !out.has(key)) out.set(key, pair);
  }
  for (const source of merged2) {
    for (const [key, pair] of mapPairs(document, source, seen)) {
      if (!out.has(key)) out.set(key, pair);
    }
  }
  return out;
}
function isMergeKey(key) {
  if (!(0, import_yaml.isScalar)(key)) return false;
  return key.value === "<<" || typeof key.value === "symbol";
}
function mapGet(document, node, key) {
  const map = resolved(document, node);
  if (!(0, import_yaml.isMap)(map)) return void 0;
  const pair = mapPairs(document, map).get(key);
  return pair === void 0 ? void 0 : resolved(document, pair.value);
}
function mapGetRaw(document, node, key) {
  const map = resolved(document, node);
  if (!(0, import_yaml.isMap)(map)) return void 0;
  return mapPairs(document, map).get(key)?.value;
}
function mapEntries(document, node) {
  const map = resolved(document, node);
  if (!(0, import_yaml.isMap)(map)) return [];
  return [...mapPairs(document, map)].map(([key, pair]) => [
    key,
    resolved(document, pair.value)
  ]);
}
function seqItems(document, node) {
  const seq = resolved(document, node);
  if (!(0, import_yaml.isSeq)(seq)) return [];
  return seq.items.map((item) => resolved(document, item));
}
function stringOf(document, node) {
  const value = resolved(document, node);
  return (0, import_yaml.isScalar)(value) && typeof value.value === "string" ? value.value : void 0;
}

// src/core/yaml/scalar.ts
var import_yaml2 = __toESM(require_dist(), 1);
var IGNORED2 = 'Marked "# freshbase: ignore" on the line or in the comment above it.';
var digestOnly = (path3) => `${path3} has no tag to track; add the tag you want to follow, e.g. image:tag@sha256:\u2026.`;
function scalarSite(yaml, document, node, place) {
  const target = resolved(document, node);
  const useRange = ((0, import_yaml2.isAlias)(node) ? node.range : target?.range) ?? [0, 0, 0];
  const base = {
    file: yaml.file,
    kind: yaml.kind,
    yamlPath: place.yamlPath,
    line: yaml.lineAt(useRange[0]),
    source: place.source,
    image: "",
    ...place.platform === void 0 ? {} : { platform: place.platform }
  };
  if ((0, import_yaml2.isScalar)(target) && (target.value === null || target.value === ""))
    return skip(
      base,
      "invalid",
      `${place.yamlPath} has no value; write the image there, or remove the key.`
    );
  if (!(0, import_yaml2.isScalar)(target) || typeof target.value !== "string") {
    const shown = (0, import_yaml2.isScalar)(target) ? String(target.value) : "not a string";
    return skip(
      { ...base, image: shown },
      "invalid",
      `${place.yamlPath} is not an image name (${shown}).`
    );
  }
  const value = target.value;
  if (yaml.ignoredAt(base.line) || yaml.ignoredAt(yaml.lineAt(target.range?.[0] ?? 0)))
    return skip({ ...base, image: imageOf(place, value) }, "ignored", IGNORED2);
  const inner = innerRange(yaml.text, target);
  if (inner === void 0)
    return skip(
      { ...base, image: imageOf(place, value) },
      "unsupported",
      unsupported(target, place)
    );
  return valueSite(yaml, base, value, inner.start, place);
}
function valueSite(yaml, base, value, start, place) {
  const prefix = place.prefix ?? "";
  if (!value.startsWith(prefix))
    return skip(
      { ...base, image: value },
      "invalid",
      `${place.yamlPath} does not start with "${prefix}".`
    );
  const body = value.slice(prefix.length);
  const variable = readVariables(body, place);
  if (!variable.ok)
    return skip(
      { ...base, image: imageOf(place, body) },
      "variable",
      variable.reason
    );
  const image = imageOf(place, variable.text);
  const parsed = parseImageRef(image);
  if (!parsed.ok)
    return skip(
      { ...base, image },
      "invalid",
      sentence2(`${place.yamlPath} holds an ${parsed.error}`)
    );
  const withRef = { ...base, image, ref: parsed.ref };
  const digest = parsed.ref.digest;
  if (parsed.ref.tag === void 0 && digest !== void 0)
    return skip(withRef, "digest-only", digestOnly(place.yamlPath));
  const spanStart = start + prefix.length + variable.offset;
  const spanText = variable.text;
  if (digest !== void 0 && !spanText.endsWith(`@${digest}`))
    return skip(
      withRef,
      "unsupported",
      `${place.yamlPath}: the digest is not at the end of the value; write it as name:tag@sha256:\u2026.`
    );
  return {
    ...withRef,
    span: { start: spanStart, end: spanStart + spanText.length },
    spanText,
    spanPrefixLength: digest === void 0 ? spanText.length : spanText.length - digest.length - 1,
    spanLine: yaml.lineAt(spanStart)
  };
}
function imageOf(place, text) {
  return place.imageOf === void 0 ? text : place.imageOf(text);
}
var COMPOSE_DEFAULT = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*):?-([^${}]+)\}$/;
function readVariables(text, place) {
  if (place.variables === "github" && text.includes("${{")) {
    return {
      ok: false,
      reason: `${place.yamlPath} uses a GitHub expression (\${{ \u2026 }}), which is only known when the workflow runs; write the image literally to let Freshbase pin it.`
    };
  }
  if (!text.includes("$")) return { ok: true, text, offset: 0 };
  if (place.variables === "compose") {
    const whole = COMPOSE_DEFAULT.exec(text);
    const name = whole?.[1];
    const fallback = whole?.[2];
    if (name !== void 0 && fallback !== void 0) {
      return {
        ok: true,
        text: fallback,
        offset: text.indexOf(fallback, name.length + 2)
      };
    }
    return {
      ok: false,
      reason: `${place.yamlPath} uses a variable ("${text}"), which Compose fills in when it runs; write the whole value as \${VAR:-image:tag} to let Freshbase pin the default, or pin the image where the variable is set.`
    };
  }
  if (place.variables === "gitlab") {
    return {
      ok: false,
      reason: `${place.yamlPath} uses a CI/CD variable ("${text}"), which GitLab fills in when the job runs; write the image literally to let Freshbase pin it, or pin it where the variable is set.`
    };
  }
  if (place.variables === "github") return { ok: true, text, offset: 0 };
  return { ok: true, text, offset: 0 };
}
function innerRange(text, scalar) {
  const range = scalar.range;
  if (range === void 0 || range === null) return void 0;
  const [start, end] = range;
  const value = String(scalar.value);
  switch (scalar.type) {
    case import_yaml2.Scalar.PLAIN:
      return text.slice(start, end) === value ? { start, end } : void 0;
    case import_yaml2.Scalar.QUOTE_SINGLE:
    case import_yaml2.Scalar.QUOTE_DOUBLE:
      return text.slice(start + 1, end - 1) === value ? { start: start + 1, end: end - 1 } : void 0;
    default:
      return void 0;
  }
}
function unsupported(scalar, place) {
  if (scalar.type === import_yaml2.Scalar.BLOCK_FOLDED || scalar.type === import_yaml2.Scalar.BLOCK_LITERAL)
    return `${place.yamlPath} is written as a block scalar (> or |); write the image on one line, plain or quoted, to let Freshbase pin it.`;
  return `${place.yamlPath} is written with escapes or over several lines; write the image on one line without escapes to let Freshbase pin it.`;
}
function skip(site, code, message) {
  return { ...site, skip: { code, message } };
}
function sentence2(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// src/core/yaml/compose-build.ts
var DOCKER_IMAGE = "docker-image://";
function contextSites(yaml, document, servicePath, build) {
  if (build === void 0) return [];
  const path3 = `${servicePath}.build.additional_contexts`;
  const contexts = resolved(
    document,
    mapGetRaw(document, build.value, "additional_contexts")
  );
  if ((0, import_yaml3.isMap)(contexts)) {
    return [...mapPairs(document, contexts)].flatMap(
      ([name, pair]) => contextSite(yaml, document, pair.value, `${path3}.${name}`, DOCKER_IMAGE)
    );
  }
  if (!(0, import_yaml3.isSeq)(contexts)) return [];
  return contexts.items.flatMap((item, index) => {
    const text = stringOf(document, item) ?? "";
    const equals = text.indexOf("=");
    const prefix = `${text.slice(0, equals + 1)}${DOCKER_IMAGE}`;
    return equals < 0 ? [] : contextSite(yaml, document, item, `${path3}[${index}]`, prefix);
  });
}
function contextSite(yaml, document, node, yamlPath, prefix) {
  const value = stringOf(document, node);
  if (value === void 0 || !value.startsWith(prefix)) return [];
  return [
    scalarSite(yaml, document, node, {
      source: "compose",
      yamlPath,
      variables: "compose",
      prefix
    })
  ];
}
function buildOf(document, services, name, seen = /* @__PURE__ */ new Set()) {
  if (seen.has(name)) return void 0;
  seen.add(name);
  const pair = mapPairs(document, services).get(name);
  const service2 = resolved(document, pair?.value);
  if (!(0, import_yaml3.isMap)(service2)) return void 0;
  const fields = mapPairs(document, service2);
  const own = fields.get("build");
  if (own !== void 0) return isReset(own.value) ? void 0 : own;
  const base = extendedName(document, fields.get("extends")?.value);
  return base === void 0 ? void 0 : buildOf(document, services, base, seen);
}
function isReset(node) {
  return (0, import_yaml3.isScalar)(node) && node.tag === "!reset";
}
function extendedName(document, node) {
  const text = stringOf(document, node);
  if (text !== void 0) return text;
  const map = resolved(document, node);
  if (!(0, import_yaml3.isMap)(map)) return void 0;
  const fields = mapPairs(document, map);
  if (fields.has("file")) return void 0;
  return stringOf(document, fields.get("service")?.value);
}

// src/core/chains/yaml-source.ts
var import_yaml4 = __toESM(require_dist(), 1);
function readYamlSource(file, text, what) {
  const lineAt2 = lineFinder(text);
  const parsed = (0, import_yaml4.parseAllDocuments)(text, {
    merge: true,
    uniqueKeys: false,
    prettyErrors: false
  });
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  for (const document of documents) {
    const [error] = document.errors;
    if (error === void 0) continue;
    const line = lineAt2(error.pos[0]);
    const message = error.message.split("\n")[0] ?? error.message;
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `${file} is not valid YAML (line ${line}: ${message}), so the ${what} it declares are not known; fix the file or list the images in the images setting.`
      }
    };
  }
  return { ok: true, source: { file, documents, lineAt: lineAt2 } };
}
function lineOf(source, document, node) {
  const value = resolved(document, node);
  const range = value?.range;
  return range === void 0 ? 1 : source.lineAt(range[0]);
}
function scalarText(document, node) {
  const value = resolved(document, node);
  if (!(0, import_yaml4.isScalar)(value)) return void 0;
  const v = value.value;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") {
    return value.source ?? String(v);
  }
  return void 0;
}

// src/core/chains/compose-producers.ts
function readComposeProducers(file, text) {
  const read = readYamlSource(file, text, "images");
  if (!read.ok) return { producers: [], problems: [read.problem] };
  const out = { producers: [], problems: [] };
  for (const document of read.source.documents) {
    const services = resolved(
      document,
      mapGet(document, document.contents, "services")
    );
    if (!(0, import_yaml5.isMap)(services)) continue;
    for (const pair of services.items) {
      const name = scalarText(document, pair.key);
      if (name === void 0) continue;
      const build = buildOf(document, services, name);
      if (build === void 0) continue;
      const service2 = { source: read.source, document, name };
      readService(
        service2,
        build.value,
        mapGet(document, pair.value, "image"),
        out
      );
    }
  }
  return out;
}
function problem2(service2, node, why) {
  const { file } = service2.source;
  const line = lineOf(service2.source, service2.document, node);
  return {
    file,
    line,
    message: `Compose service "${service2.name}" (${file}:${line}) is not read as a build of this repository: ${why}. List the image in the images setting (image=Dockerfile) to chain it.`
  };
}
function placeOf2(service2, build) {
  const { document } = service2;
  const field = (key) => scalarText(document, mapGet(document, build, key));
  const whole = scalarText(document, build);
  if (whole === void 0 && mapGet(document, build, "dockerfile_inline") !== void 0) {
    return {
      ok: false,
      why: "its Dockerfile is written inline (dockerfile_inline), not in a file"
    };
  }
  const rawContext = interpolate(whole ?? field("context") ?? ".");
  const rawFile = interpolate(
    whole === void 0 ? field("dockerfile") ?? "Dockerfile" : "Dockerfile"
  );
  for (const raw of [rawContext, rawFile]) {
    if (raw.unknownAt >= 0) {
      return { ok: false, why: `"${raw.text}" uses a variable with no default` };
    }
  }
  if (isRemoteContext(rawContext.text)) {
    return {
      ok: false,
      why: `its build context "${rawContext.text}" is a Git URL, not this checkout`
    };
  }
  const context = joinPath(dirOf(service2.source.file), rawContext.text);
  const dockerfile = context === void 0 ? void 0 : joinPath(context, rawFile.text);
  if (context === void 0 || dockerfile === void 0 || dockerfile === ".") {
    return {
      ok: false,
      why: `its build context or Dockerfile is outside the repository`
    };
  }
  return { ok: true, context, dockerfile };
}
function readService(service2, build, image, out) {
  const { document } = service2;
  const imageText = scalarText(document, image);
  if (imageText === void 0) return;
  const place = placeOf2(service2, build);
  if (!place.ok) {
    out.problems.push(problem2(service2, build, place.why));
    return;
  }
  const names = [
    { text: imageText, node: image },
    ...seqItems(document, mapGet(document, build, "tags")).map((node) => ({
      text: scalarText(document, node) ?? "",
      node
    }))
  ];
  const target = scalarText(document, mapGet(document, build, "target"));
  for (const { text, node } of names) {
    const value = interpolate(text);
    const named = value.unknownAt < 0 ? namedImage(value.text) : runTimeTag(value.text, value.unknownAt);
    if (named === void 0) {
      const why = `the image name "${text}" uses a variable with no default`;
      out.problems.push(problem2(service2, node, why));
      continue;
    }
    if (!named.ok) {
      out.problems.push(problem2(service2, node, named.error));
      continue;
    }
    out.producers.push({
      dockerfile: place.dockerfile,
      context: place.context,
      repository: named.repository,
      ...named.tag === void 0 ? {} : { tags: [named.tag] },
      ...target === void 0 ? {} : { target },
      source: "compose",
      declaredIn: {
        file: service2.source.file,
        line: lineOf(service2.source, document, node)
      }
    });
  }
}

// src/core/chains/config-producers.ts
function configProducers(map, declaredIn) {
  const producers = [];
  const problems = [];
  const fail3 = (message) => {
    problems.push({ file: declaredIn, line: 1, message });
  };
  for (const key of Object.keys(map).sort()) {
    const value = map[key] ?? "";
    const parsed = parseImageRef(key.trim());
    if (!parsed.ok) {
      fail3(
        `"${key}" in ${declaredIn} is not an image repository (${parsed.error}); write it as registry/repository or registry/repository:tag.`
      );
      continue;
    }
    if (parsed.ref.digest !== void 0) {
      fail3(
        `"${key}" in ${declaredIn} has a digest, but a Dockerfile builds a tag, not a digest; write it as registry/repository or registry/repository:tag.`
      );
      continue;
    }
    const dockerfile = normalPath(value.trim());
    if (dockerfile === void 0 || dockerfile === ".") {
      fail3(
        `"${key}" in ${declaredIn} is built by "${value}", which is not a Dockerfile path in this repository; write the repository-relative path, e.g. base/Dockerfile.`
      );
      continue;
    }
    const { ref } = parsed;
    producers.push({
      dockerfile,
      context: dirOf(dockerfile),
      repository: repositoryOf(ref),
      ...ref.tag === void 0 ? {} : { tags: [ref.tag] },
      source: "config",
      declaredIn: { file: declaredIn, line: 1 }
    });
  }
  return { producers, problems };
}

// src/core/chains/workflow-scope.ts
var EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;
function substitute(text, scope) {
  return text.replace(EXPRESSION, (whole, expr) => {
    const value = scope[expr];
    return value === void 0 ? whole : value;
  });
}
function firstExpression(text) {
  return text.indexOf("${{");
}
function matrixKeys(text) {
  return [...text.matchAll(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g)].map(
    (m) => m[1] ?? ""
  );
}
function envScope(document, owner, scope) {
  const out = { ...scope };
  for (const [name, node] of mapEntries(
    document,
    mapGet(document, owner, "env")
  )) {
    const value = scalarText(document, node);
    if (value !== void 0) out[`env.${name}`] = substitute(value, scope);
  }
  return out;
}
function matrixCombos(document, job, keys) {
  const used = [...new Set(keys)].sort();
  if (used.length === 0) return { ok: true, combos: [{}] };
  const matrix = mapGet(document, mapGet(document, job, "strategy"), "matrix");
  const keysOf = mapEntries(document, matrix).map(([key]) => key);
  if (keysOf.length === 1 && keysOf[0] === "include") {
    return includeCombos(document, mapGet(document, matrix, "include"), used);
  }
  for (const special of ["include", "exclude"]) {
    if (mapGet(document, matrix, special) !== void 0) {
      return { ok: false, why: `the job's strategy.matrix has ${special}` };
    }
  }
  let combos = [{}];
  for (const key of used) {
    const node = mapGet(document, matrix, key);
    const values = seqItems(document, node).map((v) => scalarText(document, v));
    if (values.length === 0 || values.some((v) => v === void 0)) {
      return {
        ok: false,
        why: `strategy.matrix.${key} is not a literal list of strings`
      };
    }
    combos = combos.flatMap(
      (combo) => values.map((v) => ({ ...combo, [`matrix.${key}`]: v ?? "" }))
    );
  }
  return { ok: true, combos };
}
function includeCombos(document, include, used) {
  const combos = [];
  for (const entry of seqItems(document, include)) {
    const combo = {};
    for (const key of used) {
      const value = scalarText(document, mapGet(document, entry, key));
      if (value === void 0) {
        return {
          ok: false,
          why: `an entry of strategy.matrix.include has no literal ${key}`
        };
      }
      combo[`matrix.${key}`] = value;
    }
    combos.push(combo);
  }
  return combos.length === 0 ? { ok: false, why: "strategy.matrix.include is not a literal list" } : { ok: true, combos };
}

// src/core/chains/workflow-metadata.ts
var METADATA_ACTION = "docker/metadata-action@";
function outputsStep(value) {
  const match = /\$\{\{[^}]*\bsteps\.([\w-]+)\.outputs\b/.exec(value);
  return match?.[1];
}
function metadataImages(document, steps2, id, scope) {
  const step = steps2.find(
    (s) => stringOf(document, mapGet(document, s, "id")) === id
  );
  const uses = stringOf(document, mapGet(document, step, "uses")) ?? "";
  if (step === void 0 || !uses.startsWith(METADATA_ACTION)) {
    return {
      ok: false,
      why: `steps.${id} is not a docker/metadata-action step of this job, so the image its outputs name is only known at run time`
    };
  }
  const node = mapGet(document, mapGet(document, step, "with"), "images");
  const text = scalarText(document, node);
  const lines = text !== void 0 ? text.split(/\r\n|\r|\n/).map((l) => l.trim()) : seqItems(document, node).map((n) => scalarText(document, n) ?? "");
  const names = imageNames(lines.filter((l) => l !== "" && !l.startsWith("#")));
  if (names.length === 0) {
    return {
      ok: false,
      why: `steps.${id} (docker/metadata-action) names no image in its images input`
    };
  }
  const repositories = [];
  for (const raw of names) {
    const name = substitute(raw, scope(step)).toLowerCase();
    if (firstExpression(name) >= 0) {
      return {
        ok: false,
        why: `the image "${raw}" in steps.${id}'s images input is only known at run time`
      };
    }
    const named = namedImage(name);
    if (!named.ok) return { ok: false, why: named.error };
    repositories.push(named.repository);
  }
  return { ok: true, repositories: [...new Set(repositories)] };
}
function imageNames(lines) {
  const [only] = lines;
  if (lines.length === 1 && only !== void 0 && !only.includes("=")) {
    return listItems(only);
  }
  const names = [];
  for (const line of lines) {
    let name = "";
    let enabled = true;
    for (const field of listItems(line)) {
      const eq = field.indexOf("=");
      const key = eq < 0 ? "name" : field.slice(0, eq).trim().toLowerCase();
      const value = eq < 0 ? field : field.slice(eq + 1).trim();
      if (key === "name") name = value;
      else if (key === "enable" && value === "false") enabled = false;
    }
    if (enabled && name !== "") names.push(name);
  }
  return names;
}

// src/core/chains/workflow-producers.ts
var BUILD_PUSH_ACTION = "docker/build-push-action@";
var DEFAULT_CONTEXT = "{{defaultContext}}";
function readWorkflowProducers(file, text, options = {}) {
  const out = { producers: [], problems: [] };
  const read = readYamlSource(file, text, "images");
  if (!read.ok) return { producers: [], problems: [read.problem] };
  const { source } = read;
  for (const document of source.documents) {
    const root = envScope(document, document.contents, githubScope(options));
    const jobs = mapGet(document, document.contents, "jobs");
    for (const [, job] of mapEntries(document, jobs)) {
      const jobScope = envScope(document, job, root);
      const steps2 = seqItems(document, mapGet(document, job, "steps"));
      for (const node of steps2) {
        const uses = mapGet(document, node, "uses");
        if (!(stringOf(document, uses) ?? "").startsWith(BUILD_PUSH_ACTION))
          continue;
        const line = lineOf(source, document, uses);
        const step = { source, document, steps: steps2, job, jobScope, node, line };
        readStep(step, out);
      }
    }
  }
  out.producers = unique(out.producers);
  return out;
}
function githubScope(options) {
  const repository = options.repository;
  if (repository === void 0) return {};
  return {
    "github.repository": repository,
    "github.repository_owner": repository.split("/")[0] ?? ""
  };
}
function inputsOf(step) {
  const { document } = step;
  const input = (key) => scalarText(
    document,
    mapGet(document, mapGet(document, step.node, "with"), key)
  );
  const tagsNode = mapGet(document, mapGet(document, step.node, "with"), "tags");
  const tagsText = scalarText(document, tagsNode);
  const tags = tagsText !== void 0 ? listItems(tagsText) : listItems(
    seqItems(document, tagsNode).map((n) => scalarText(document, n) ?? "")
  );
  const file = input("file");
  const context = input("context");
  const target = input("target");
  return {
    tags,
    ...file === void 0 ? {} : { file },
    ...context === void 0 ? {} : { context },
    ...target === void 0 || target === "" ? {} : { target }
  };
}
function readStep(step, out) {
  const inputs = inputsOf(step);
  if (inputs.tags.length === 0) return;
  const keys = [
    inputs.file ?? "",
    inputs.context ?? "",
    ...inputs.tags
  ].flatMap(matrixKeys);
  const combos = matrixCombos(step.document, step.job, keys);
  const scope = envScope(step.document, step.node, step.jobScope);
  if (combos.ok) {
    for (const combo of combos.combos) {
      readBuild(step, inputs, { ...scope, ...combo }, out);
    }
    return;
  }
  const why = `its inputs use \${{ matrix.\u2026 }} but ${combos.why}`;
  const placed = [inputs.file ?? "", inputs.context ?? ""].flatMap(matrixKeys);
  if (placed.length > 0) out.problems.push(problem3(step, why));
  else readBuild(step, inputs, scope, out, combos.why);
}
function problem3(step, why) {
  const at = `${step.source.file}:${step.line}`;
  return {
    file: step.source.file,
    line: step.line,
    message: `The docker/build-push-action step at ${at} is not read: ${why}. List the images it builds in the images setting (image=Dockerfile) to chain them.`
  };
}
function placeOf3(inputs, scope) {
  const rawContext = substitute(inputs.context ?? DEFAULT_CONTEXT, scope);
  if (firstExpression(rawContext) >= 0) {
    return {
      ok: false,
      why: `context "${rawContext}" is only known at run time`
    };
  }
  if (isRemoteContext(rawContext)) {
    return {
      ok: false,
      why: `context "${rawContext}" is a remote Git context, not this checkout`
    };
  }
  const sub = rawContext === DEFAULT_CONTEXT ? "." : rawContext.startsWith(`${DEFAULT_CONTEXT}:`) ? rawContext.slice(DEFAULT_CONTEXT.length + 1) : rawContext;
  const context = normalPath(sub);
  if (context === void 0) {
    return {
      ok: false,
      why: `context "${rawContext}" is outside the repository`
    };
  }
  const rawFile = inputs.file === void 0 ? void 0 : substitute(inputs.file, scope);
  if (rawFile !== void 0 && firstExpression(rawFile) >= 0) {
    return { ok: false, why: `file "${rawFile}" is only known at run time` };
  }
  const dockerfile = rawFile === void 0 ? joinPath(context, "Dockerfile") : normalPath(rawFile);
  if (dockerfile === void 0 || dockerfile === ".") {
    return {
      ok: false,
      why: `file "${rawFile ?? ""}" is outside the repository`
    };
  }
  return { ok: true, context, dockerfile };
}
function readBuild(step, inputs, scope, out, matrixWhy) {
  const place = placeOf3(inputs, scope);
  if (!place.ok) {
    out.problems.push(problem3(step, place.why));
    return;
  }
  const tags = /* @__PURE__ */ new Map();
  const add = (repository, tag) => {
    const set = tags.get(repository) ?? /* @__PURE__ */ new Set();
    if (tag !== void 0) set.add(tag);
    tags.set(repository, set);
  };
  for (const raw of inputs.tags) {
    const why = readTag(step, raw, scope, add);
    const note = matrixWhy === void 0 ? "" : ` (${matrixWhy})`;
    if (why !== void 0) out.problems.push(problem3(step, `${why}${note}`));
  }
  for (const [repository, known] of tags) {
    out.producers.push({
      dockerfile: place.dockerfile,
      context: place.context,
      repository,
      ...known.size === 0 ? {} : { tags: [...known].sort() },
      ...inputs.target === void 0 ? {} : { target: inputs.target },
      source: "build-push-action",
      declaredIn: { file: step.source.file, line: step.line }
    });
  }
}
function readTag(step, raw, scope, add) {
  const id = outputsStep(raw);
  if (id !== void 0) {
    const images = metadataImages(
      step.document,
      step.steps,
      id,
      (s) => envScope(step.document, s, { ...step.jobScope, ...scope })
    );
    if (!images.ok) return images.why;
    for (const repository of images.repositories) add(repository);
    return void 0;
  }
  const value = substitute(raw, scope);
  const at = firstExpression(value);
  const named = at < 0 ? namedImage(value) : runTimeTag(value, at);
  if (named === void 0) {
    return `the image name in tag "${raw}" is only known at run time`;
  }
  if (!named.ok)
    return `tag "${raw}" is not an image reference (${named.error})`;
  add(named.repository, named.tag);
  return void 0;
}
function unique(producers) {
  const seen = /* @__PURE__ */ new Set();
  return producers.filter((p) => {
    const key = JSON.stringify([
      p.dockerfile,
      p.context,
      p.repository,
      p.tags,
      p.target
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/pipeline/chain-declarations.ts
var BAKE_FILES = [
  "docker-bake.json",
  "docker-bake.hcl",
  "docker-bake.override.json",
  "docker-bake.override.hcl"
];
var IMAGES_SETTING = "the 'images' setting";
var DECLARATION_GLOBS = [
  ".github/workflows/*.yml",
  ".github/workflows/*.yaml",
  "**/*compose*.yml",
  "**/*compose*.yaml"
];
async function readDeclarations(found, files, config, bake) {
  const yamlFiles = await declarationFiles(found, files, config);
  const bakeFiles = await files.discover({
    root: config.root,
    include: BAKE_FILES,
    // Only the root: every other entry of the root, folders included, is
    // excluded, so the walk enters none.
    exclude: [...config.exclude, "!(docker-bake*)"],
    kinds: ["dockerfile"]
  });
  const texts = /* @__PURE__ */ new Map();
  const producers = [];
  const problems = [];
  const add = (read2) => {
    producers.push(...read2.producers);
    problems.push(...read2.problems);
  };
  const read = await mapLimited(
    yamlFiles,
    16,
    async (file) => files.read(file).catch((error) => error)
  );
  yamlFiles.forEach((file, i) => {
    const text = read[i];
    if (text === void 0) return;
    if (text instanceof Error) {
      problems.push(unreadable(file, text));
      return;
    }
    texts.set(file, text);
    add(
      kindByName(file) === "workflow" ? readWorkflowProducers(
        file,
        text,
        config.githubRepository === void 0 ? {} : { repository: config.githubRepository }
      ) : readComposeProducers(file, text)
    );
  });
  add(await readBake(bakeFiles.filter(isBakeFile), files, bake));
  add(configProducers(config.images, IMAGES_SETTING));
  return { producers, problems, texts };
}
async function declarationFiles(found, files, config) {
  const needed = ["compose", "github-actions"];
  const covered = config.include.length === 0 && needed.every((kind) => config.kinds.includes(kind));
  const candidates = covered ? found : await files.discover({
    root: config.root,
    include: DECLARATION_GLOBS,
    exclude: config.exclude,
    kinds: needed
  });
  return candidates.filter((file) => {
    const kind = kindByName(file);
    return kind === "workflow" || kind === "compose";
  });
}
function isBakeFile(file) {
  return BAKE_FILES.includes(file);
}
async function readBake(found, files, bake) {
  const ordered = BAKE_FILES.filter((file) => found.includes(file));
  const hcl = ordered.filter((file) => file.endsWith(".hcl"));
  const out = { producers: [], problems: [] };
  if (hcl.length > 0) {
    const printed = bake === void 0 ? { kind: "unavailable" } : await bake.print(ordered);
    if (printed.kind === "printed") {
      const read = readBakeProducers(hcl[0] ?? "", printed.json);
      return { producers: read.producers, problems: read.problems };
    }
    for (const file of hcl) out.problems.push(hclNotRead(file, printed));
  }
  for (const file of ordered.filter((f) => f.endsWith(".json"))) {
    try {
      const read = readBakeProducers(file, await files.read(file));
      out.producers.push(...read.producers);
      out.problems.push(...read.problems);
    } catch (error) {
      out.problems.push(unreadable(file, error));
    }
  }
  return out;
}
function hclNotRead(file, printed) {
  const message = printed.kind === "unavailable" ? `not read: ${file} is HCL; install buildx on the runner (docker/setup-buildx-action) so \`docker buildx bake --print\` resolves it, or list the images in the images setting.` : `not read: \`docker buildx bake --print\` failed for ${file} (${printed.message}); fix the bake file, or list the images it builds in the images setting.`;
  return { file, line: 1, message };
}
function unreadable(file, error) {
  return {
    file,
    line: 1,
    message: `not read: ${error.message.replace(/\.$/, "")}; the images it builds are not known to be built here.`
  };
}

// src/pipeline/chains.ts
function pinBuiltHereAdjuster(chains) {
  return async (file, sites, planOf) => {
    const rebuilt = async (parent) => {
      const upstream = selfAndAncestors(chains, parent);
      if (upstream.includes(file)) return false;
      const plans = await Promise.all(upstream.map(async (f) => planOf(f)));
      return plans.some((done) => done !== void 0 && changes(done));
    };
    return Promise.all(
      sites.map(async (site) => {
        for (const parent of parentsOf(chains, site)) {
          const cycle = cycleOf(chains, parent);
          if (cycle?.includes(file) === true)
            return { ...site, skip: cycleReason(parent, cycle) };
          if (await rebuilt(parent))
            return { ...site, skip: waitsReason(parent) };
        }
        return site;
      })
    );
  };
}
function changes(done) {
  return done.plan.rows.some(
    (row2) => row2.decision === "pin" || row2.decision === "update"
  );
}
function changedDockerfiles(files) {
  return files.filter((f) => f.kind === void 0 || f.kind === "dockerfile").map((f) => f.file);
}
function rebuildSet(chains, files) {
  return rebuildLevels(chains, changedDockerfiles(files));
}

// src/core/yaml/workflow-place.ts
var import_yaml6 = __toESM(require_dist(), 1);
function githubScan(yaml, document) {
  return { yaml, document, seen: /* @__PURE__ */ new Set() };
}
function rawEntries(document, node) {
  const map = resolved(document, node);
  if (!(0, import_yaml6.isMap)(map)) return [];
  return [...mapPairs(document, map)].map(([key, pair]) => [key, pair.value]);
}
function githubSite(scan, raw, place) {
  const target = resolved(scan.document, raw);
  if (target === void 0) return void 0;
  if ((0, import_yaml6.isScalar)(target) && target.value === null) return void 0;
  if (!(0, import_yaml6.isAlias)(raw)) {
    if (scan.seen.has(target)) return void 0;
    scan.seen.add(target);
  }
  const site = scalarSite(scan.yaml, scan.document, raw, {
    source: place.source,
    yamlPath: place.yamlPath,
    variables: "github",
    ...place.prefix === void 0 ? {} : { prefix: place.prefix }
  });
  const value = stringOf(scan.document, raw);
  if (value === "" && place.empty !== void 0 && site.skip?.code !== "ignored")
    return skip(site, "scratch", place.empty);
  if (site.skip?.code === "variable" && value !== void 0)
    return matrixReason(site, value, place.yamlPath);
  return site;
}
var MATRIX = /\$\{\{\s*matrix\.[^}]*\}\}/;
function matrixReason(site, value, yamlPath) {
  const expression = MATRIX.exec(value)?.[0];
  if (expression === void 0) return site;
  return skip(
    site,
    "variable",
    `${yamlPath} takes its image from the job's matrix (${expression}), which is only known when the workflow runs; Freshbase does not read matrix values as images. Write the image literally in ${yamlPath} (one job per image) to let Freshbase pin it.`
  );
}
var DOCKER = "docker://";
function dockerStepSites(scan, steps2, path3) {
  const sites = [];
  for (const [index, step] of seqItems(scan.document, steps2).entries()) {
    const uses = mapGetRaw(scan.document, step, "uses");
    if (!stringOf(scan.document, uses)?.startsWith(DOCKER)) continue;
    const site = githubSite(scan, uses, {
      source: "docker-action",
      yamlPath: `${path3}[${index}].uses`,
      prefix: DOCKER
    });
    if (site !== void 0) sites.push(site);
  }
  return sites;
}
function dockerImageSite(scan, raw, yamlPath) {
  if (!stringOf(scan.document, raw)?.startsWith(DOCKER)) return void 0;
  return githubSite(scan, raw, {
    source: "docker-action",
    yamlPath,
    prefix: DOCKER
  });
}

// src/core/yaml/action.ts
function scanAction(yaml) {
  const sites = [];
  for (const document of yaml.documents) {
    const scan = githubScan(yaml, document);
    const runs = mapGet(document, document.contents, "runs");
    const image = dockerImageSite(
      scan,
      mapGetRaw(document, runs, "image"),
      "runs.image"
    );
    if (image !== void 0) sites.push(image);
    sites.push(
      ...dockerStepSites(scan, mapGet(document, runs, "steps"), "runs.steps")
    );
  }
  return sites;
}

// src/core/yaml/compose.ts
var import_yaml7 = __toESM(require_dist(), 1);

// src/core/yaml/compose-share.ts
function settleShared(drafts) {
  const blockers = /* @__PURE__ */ new Map();
  for (const { site, anchor } of drafts) {
    const code = site.skip?.code;
    const blocks = code === "built-here" || code === "ignored";
    if (anchor !== void 0 && blocks && !blockers.has(anchor))
      blockers.set(anchor, site);
  }
  return drafts.map(({ site, anchor }) => {
    const blocker = anchor === void 0 ? void 0 : blockers.get(anchor);
    if (blocker?.skip === void 0 || site.skip !== void 0) return site;
    const why = blocker.skip.code === "built-here" ? "which names the image its service builds" : 'which is marked "# freshbase: ignore"';
    const message = `${site.yamlPath ?? "image"} shares its value with ${blocker.yamlPath ?? "another image"} (line ${blocker.line}), ${why}; pinning one would pin both. Give ${site.yamlPath ?? "it"} its own value to let Freshbase pin it.`;
    return skip(unpinned(site), blocker.skip.code, message);
  });
}
function unpinned(site) {
  const {
    span: _span,
    spanText: _spanText,
    spanPrefixLength: _prefix,
    spanLine: _line,
    spanArg: _arg,
    spanIsDigest: _digest,
    ...rest
  } = site;
  return rest;
}

// src/core/yaml/compose.ts
function scanCompose(yaml) {
  return yaml.documents.flatMap(
    (document) => settleShared(documentDrafts(yaml, document))
  );
}
function documentDrafts(yaml, document) {
  const root = resolved(document, document.contents);
  if (!(0, import_yaml7.isMap)(root)) return [];
  const top = mapPairs(document, root);
  const services = top.get("services");
  if (services === void 0) return legacyDrafts(yaml, document, top);
  const map = resolved(document, services.value);
  if (!(0, import_yaml7.isMap)(map)) return [];
  return [...mapPairs(document, map)].flatMap(
    ([name, pair]) => serviceDrafts(yaml, document, name, pair, buildOf(document, map, name))
  );
}
function serviceDrafts(yaml, document, name, servicePair, build) {
  const service2 = resolved(document, servicePair.value);
  if (!(0, import_yaml7.isMap)(service2)) return [];
  const path3 = `services.${name}`;
  const fields = mapPairs(document, service2);
  const drafts = [];
  const image = fields.get("image");
  if (image !== void 0) {
    const use = { servicePair, service: service2, image, build };
    drafts.push(imageDraft(yaml, document, path3, fields, use));
  }
  for (const site of contextSites(yaml, document, path3, fields.get("build")))
    drafts.push({ site });
  return drafts.sort((a, b) => a.site.line - b.site.line);
}
function imageDraft(yaml, document, path3, fields, use) {
  const platform = literal(stringOf(document, fields.get("platform")?.value));
  const found = scalarSite(yaml, document, use.image.value, {
    source: "compose",
    yamlPath: `${path3}.image`,
    variables: "compose",
    ...platform === void 0 ? {} : { platform }
  });
  const site = usedAt(yaml, found, useLine(yaml, document, use));
  const target = resolved(document, use.image.value);
  const anchor = (0, import_yaml7.isScalar)(target) ? target : void 0;
  const build = use.build;
  if (build === void 0 || site.skip?.code === "ignored")
    return { site, anchor };
  const message = `${path3}.image names the image this service builds (${buildShown(yaml, document, build)}), so it is not pinned: a digest there breaks "docker compose build". Pin the base images in the Dockerfile it builds instead.`;
  return { site: skip(unpinned(site), "built-here", message), anchor };
}
function literal(value) {
  return value === void 0 || value.includes("$") ? void 0 : value;
}
function buildShown(yaml, document, build) {
  const key = build.key;
  const line = yaml.lineAt(key.range?.[0] ?? 0);
  const value = resolved(document, build.value);
  const text = stringOf(document, value);
  if (text !== void 0) return `build: ${text} on line ${line}`;
  const context = (0, import_yaml7.isMap)(value) ? stringOf(document, mapPairs(document, value).get("context")?.value) : void 0;
  return context === void 0 ? `build: on line ${line}` : `build.context: ${context} on line ${line}`;
}
function useLine(yaml, document, use) {
  const { servicePair, service: service2, image } = use;
  if ((0, import_yaml7.isAlias)(servicePair.value))
    return yaml.lineAt(servicePair.value.range?.[0] ?? 0);
  if (service2.items.includes(image)) return void 0;
  const merge = service2.items.find(
    (pair) => isMergeKey2(pair.key) && supplies(document, pair, image)
  );
  const key = (merge ?? servicePair).key;
  return yaml.lineAt(key.range?.[0] ?? 0);
}
function usedAt(yaml, site, line) {
  if (line === void 0) return site;
  const moved = { ...site, line };
  return moved.skip === void 0 && yaml.ignoredAt(line) ? skip(unpinned(moved), "ignored", IGNORED2) : moved;
}
function isMergeKey2(key) {
  return (0, import_yaml7.isScalar)(key) && (key.value === "<<" || typeof key.value === "symbol");
}
function supplies(document, merge, image) {
  const value = resolved(document, merge.value);
  const sources = (0, import_yaml7.isSeq)(value) ? value.items : [value];
  return sources.some((source) => {
    const map = resolved(document, source);
    return (0, import_yaml7.isMap)(map) && mapPairs(document, map).get("image") === image;
  });
}
function legacyDrafts(yaml, document, top) {
  const first = [...top].find(([name2, pair2]) => {
    if (name2.startsWith("x-")) return false;
    const value = resolved(document, pair2.value);
    if (!(0, import_yaml7.isMap)(value)) return false;
    const fields = mapPairs(document, value);
    return fields.has("image") || fields.has("build");
  });
  if (first === void 0) return [];
  const [name, pair] = first;
  const key = pair.key;
  const line = yaml.lineAt(key.range?.[0] ?? 0);
  const message = `${yaml.file} names services at the top level ("${name}" on line ${line}): Compose file format v1, which Docker Compose v2 no longer reads. Move them under "services:" to let Freshbase pin their images.`;
  const site = {
    file: yaml.file,
    kind: yaml.kind,
    line,
    source: "file",
    image: ""
  };
  return [{ site: skip(site, "unsupported", message) }];
}

// src/core/yaml/gitlab-ci.ts
var import_yaml9 = __toESM(require_dist(), 1);

// src/core/yaml/gitlab-variables.ts
var PROXY = /^\$\{?(CI_DEPENDENCY_PROXY_(?:DIRECT_)?GROUP_IMAGE_PREFIX)\}?\/(.+)$/;
var INPUT = /\$\[\[[^\]]*\]\]/;
function gitlabVariableReason(yamlPath, value) {
  const proxy = PROXY.exec(value);
  const variable = proxy?.[1];
  const image = proxy?.[2];
  if (variable !== void 0 && image !== void 0) {
    return `${yamlPath} pulls ${image} through the Dependency Proxy prefix ($${variable}), which GitLab fills in when the job runs; Freshbase does not look images up through the proxy. Write the image without the prefix to let Freshbase pin it, or add "# freshbase: ignore" to keep the proxy.`;
  }
  const input = INPUT.exec(value)?.[0];
  if (input !== void 0) {
    return `${yamlPath} uses a CI/CD input (${input}), which GitLab fills in when the pipeline is created; write the image literally to let Freshbase pin it, or pin it where the input is given.`;
  }
  return void 0;
}

// src/core/yaml/gitlab-include.ts
var import_yaml8 = __toESM(require_dist(), 1);
var URL2 = /^[a-z][a-z0-9+.-]*:\/\//i;
var YAML = /\.ya?ml$/;
function gitlabLocalIncludes(file, text) {
  const out = [];
  for (const include of includeValues(text)) {
    for (const entry of Array.isArray(include) ? include : [include]) {
      const path3 = localPath(entry);
      if (path3 === void 0 || path3 === file) continue;
      if (!out.includes(path3)) out.push(path3);
    }
  }
  return out;
}
function includeValues(text) {
  try {
    const parsed = (0, import_yaml8.parseAllDocuments)(text, { merge: true, uniqueKeys: false });
    const documents = Array.isArray(parsed) ? parsed : [parsed];
    if (documents.some((document) => document.errors.length > 0)) return [];
    return documents.map((document) => {
      const value = document.toJS({ maxAliasCount: 100 });
      return isRecord(value) ? value["include"] : void 0;
    });
  } catch {
    return [];
  }
}
function localPath(entry) {
  if (typeof entry === "string")
    return URL2.test(entry.trim()) ? void 0 : normalized(entry);
  if (!isRecord(entry)) return void 0;
  const local = entry["local"];
  return typeof local === "string" ? normalized(local) : void 0;
}
function normalized(path3) {
  const trimmed = path3.trim().replace(/^\/+/, "").replace(/^(?:\.\/)+/, "");
  if (trimmed === "" || trimmed.includes("$")) return void 0;
  if (!YAML.test(trimmed)) return void 0;
  if (trimmed.split("/").some((part2) => part2 === "..")) return void 0;
  return trimmed;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/core/yaml/gitlab-ci.ts
var GLOBAL_KEYWORDS = /* @__PURE__ */ new Set([
  "default",
  "include",
  "stages",
  "variables",
  "workflow",
  "spec",
  "cache",
  "before_script",
  "after_script"
]);
function scanGitlabCi(yaml) {
  const sites = [];
  for (const document of yaml.documents) {
    const scan = { yaml, document, seen: /* @__PURE__ */ new Set() };
    sites.push(...holderSites(scan, document.contents, ""));
    for (const [key, value] of rawEntries(document, document.contents)) {
      if (key === "image" || key === "services") continue;
      if (key !== "default" && GLOBAL_KEYWORDS.has(key)) continue;
      if (!(0, import_yaml9.isMap)(resolved(document, value))) continue;
      sites.push(...holderSites(scan, value, `${key}.`));
    }
  }
  return sites;
}
function holderSites(scan, holder, path3) {
  const { document } = scan;
  const sites = [];
  const image = entrySite(
    scan,
    mapGetRaw(document, holder, "image"),
    `${path3}image`,
    "gitlab-image"
  );
  if (image !== void 0) sites.push(image);
  const services = resolved(document, mapGetRaw(document, holder, "services"));
  if ((0, import_yaml9.isSeq)(services) && !isReference(services)) {
    for (const [index, item] of services.items.entries()) {
      const site = entrySite(
        scan,
        item,
        `${path3}services[${index}]`,
        "gitlab-service"
      );
      if (site !== void 0) sites.push(site);
    }
  }
  return sites;
}
function entrySite(scan, raw, yamlPath, source) {
  const target = resolved(scan.document, raw);
  if ((0, import_yaml9.isMap)(target)) {
    const name = mapGetRaw(scan.document, target, "name");
    return entrySite(scan, name, `${yamlPath}.name`, source);
  }
  if (!(0, import_yaml9.isScalar)(target) || target.value === null) return void 0;
  if (!(0, import_yaml9.isAlias)(raw)) {
    if (scan.seen.has(target)) return void 0;
    scan.seen.add(target);
  }
  const site = scalarSite(scan.yaml, scan.document, raw, {
    source,
    yamlPath,
    variables: "gitlab"
  });
  const value = stringOf(scan.document, raw);
  if (value === "" && site.skip?.code === "invalid")
    return skip(
      site,
      "scratch",
      `${yamlPath} is empty; there is no image to pin.`
    );
  if (site.skip?.code !== "variable" || value === void 0) return site;
  const reason = gitlabVariableReason(yamlPath, value);
  return reason === void 0 ? site : skip(site, "variable", reason);
}
function isReference(node) {
  return node.tag === "!reference";
}

// src/core/yaml/helm-values.ts
var import_yaml11 = __toESM(require_dist(), 1);

// src/core/yaml/image-field.ts
var import_yaml10 = __toESM(require_dist(), 1);
function literalImageSite(yaml, document, node, place, reader) {
  const site = scalarSite(yaml, document, node, {
    ...place,
    variables: "none"
  });
  if (site.skip?.code !== "invalid" || !site.image.includes("$")) return site;
  return skip(
    site,
    "variable",
    `${place.yamlPath} holds a placeholder ("${site.image}"), which ${reader} does not expand in an image; some other tool (envsubst, a CI step) fills it in before use. Write the image literally to let Freshbase pin it, or pin it where the value comes from.`
  );
}
function skippedField(yaml, document, node, place, image, reason) {
  const target = resolved(document, node);
  const range = (0, import_yaml10.isAlias)(node) ? node.range : target?.range;
  const line = yaml.lineAt(range?.[0] ?? 0);
  const site = {
    file: yaml.file,
    kind: yaml.kind,
    yamlPath: place.yamlPath,
    line,
    source: place.source,
    image
  };
  if (yaml.ignoredAt(line)) return skip(site, "ignored", IGNORED2);
  return skip(site, reason.code, reason.message);
}
function textOf(document, node) {
  const value = resolved(document, node);
  return (0, import_yaml10.isScalar)(value) && typeof value.value === "string" && value.value !== "" ? value.value : void 0;
}
function isSet(document, node) {
  const value = resolved(document, node);
  if (value === void 0) return false;
  if (!(0, import_yaml10.isScalar)(value)) return true;
  return value.value !== null && value.value !== "";
}
function numberTagSkip(yaml, document, node, place, imageOf2) {
  const value = resolved(document, node);
  if (!(0, import_yaml10.isScalar)(value) || typeof value.value !== "number") return void 0;
  const [start, end] = value.range ?? [0, 0];
  const written2 = yaml.text.slice(start, end);
  const key = place.yamlPath.slice(place.yamlPath.lastIndexOf(".") + 1);
  return skippedField(yaml, document, node, place, imageOf2(written2), {
    code: "unsupported",
    message: `${place.yamlPath} is written ${written2}, which YAML reads as the number ${String(value.value)}, not a tag; quote it (${key}: "${written2}") to let Freshbase pin it.`
  });
}

// src/core/yaml/helm-image-map.ts
function imageMapSites(yaml, document, map, path3) {
  const m = { yaml, document, map, path: path3 };
  const repository = textOf(document, mapGet(document, map, "repository"));
  if (repository === void 0) return withoutRepository(m);
  const registry = textOf(document, mapGet(document, map, "registry"));
  const name = registry === void 0 ? repository : `${registry}/${repository}`;
  const imageOf2 = (tag2) => `${name}:${tag2}`;
  const tag = mapGetRaw(document, map, "tag");
  const digest = mapGetRaw(document, map, "digest");
  if (isSet(document, digest)) {
    const shown = textOf(document, digest) ?? "";
    const tagText = textOf(document, tag);
    return [
      skipAt(
        m,
        digest,
        "digest",
        `${tagText === void 0 ? name : imageOf2(tagText)}@${shown}`,
        `${path3} has a separate digest: key, which charts read in their own way (many use it instead of the tag); put the digest in tag as tag@sha256:\u2026 or remove digest: to let Freshbase pin it.`
      )
    ];
  }
  if (!isSet(document, tag)) {
    const version = mapGetRaw(document, map, "version");
    if (isSet(document, version)) {
      const text = textOf(document, version) ?? "";
      return [
        skipAt(
          m,
          version,
          "version",
          imageOf2(text),
          `${path3} names its tag in version:, which Freshbase does not read as the tag; pin it by hand, or write it as tag: if the chart reads that, to let Freshbase pin it.`
        )
      ];
    }
    return [
      skipAt(
        m,
        tag ?? mapGetRaw(document, map, "repository"),
        "tag",
        name,
        `${path3}.tag is empty, so the chart fills in its own default (often its appVersion); write the tag you run, e.g. tag: "1.2.3", to let Freshbase pin it.`
      )
    ];
  }
  const place = { source: "helm-values", yamlPath: `${path3}.tag` };
  const number = numberTagSkip(yaml, document, tag, place, imageOf2);
  if (number !== void 0) return [number];
  return [literalImageSite(yaml, document, tag, { ...place, imageOf: imageOf2 }, "Helm")];
}
function withoutRepository(m) {
  const { document, map, path: path3 } = m;
  const tag = mapGetRaw(document, map, "tag") ?? mapGetRaw(document, map, "version");
  if (!isSet(document, tag)) return void 0;
  const tagText = textOf(document, tag) ?? written(m, tag);
  const inner = mapGetRaw(document, map, "image");
  const innerName = textOf(document, inner);
  if (innerName !== void 0) {
    return [
      skipAt(
        m,
        inner,
        "image",
        `${innerName}:${tagText}`,
        `${path3}.image names the image and its tag is beside it, a shape only the chart's templates know how to join; Freshbase pins {registry?, repository, tag} mappings or a whole image:tag string, so write one of those if the chart reads it, or pin it by hand.`
      )
    ];
  }
  return [
    skipAt(
      m,
      tag,
      "tag",
      tagText,
      `${path3} sets a tag with no repository: beside it (an override of an image named elsewhere), so Freshbase cannot tell which image it tags; write repository: beside it to let Freshbase pin it.`
    )
  ];
}
function written(m, node) {
  const range = resolved(m.document, node)?.range;
  return range === void 0 || range === null ? "" : m.yaml.text.slice(range[0], range[1]);
}
function skipAt(m, node, field, image, message) {
  return skippedField(
    m.yaml,
    m.document,
    node,
    { source: "helm-values", yamlPath: `${m.path}.${field}` },
    image,
    { code: "unsupported", message }
  );
}

// src/core/yaml/helm-values.ts
var IMAGE_KEY = /(?:image|Image)$/;
function scanHelmValues(yaml) {
  const sites = [];
  for (const document of yaml.documents) {
    walk(yaml, document, document.contents, "", sites);
  }
  return sites;
}
function walk(yaml, document, node, path3, sites) {
  if ((0, import_yaml11.isAlias)(node)) return;
  if ((0, import_yaml11.isSeq)(node)) {
    for (const [i, item] of node.items.entries()) {
      walk(yaml, document, item, `${path3}[${i}]`, sites);
    }
    return;
  }
  if (!(0, import_yaml11.isMap)(node)) return;
  for (const pair of node.items) {
    const key = (0, import_yaml11.isScalar)(pair.key) ? pair.key.value : void 0;
    const merge = key === "<<" || typeof key === "symbol";
    const keyText = typeof key === "string" ? key : String(key);
    const at = merge ? path3 : path3 === "" ? keyText : `${path3}.${keyText}`;
    if (!merge && typeof key === "string" && IMAGE_KEY.test(key)) {
      const found = imageSites(yaml, document, pair.value, at);
      if (found !== void 0) {
        sites.push(...found);
        continue;
      }
    }
    walk(yaml, document, pair.value, at, sites);
  }
}
function imageSites(yaml, document, node, path3) {
  const value = resolved(document, node);
  if ((0, import_yaml11.isMap)(value)) return imageMapSites(yaml, document, value, path3);
  if (!(0, import_yaml11.isScalar)(value) || typeof value.value !== "string") return void 0;
  if (value.value === "") return [];
  return [stringSite(yaml, document, node, path3)];
}
function stringSite(yaml, document, node, yamlPath) {
  const site = literalImageSite(
    yaml,
    document,
    node,
    { source: "helm-values", yamlPath },
    "Helm"
  );
  if (site.skip !== void 0 || site.ref?.tag !== void 0) return site;
  return skippedField(
    yaml,
    document,
    node,
    { source: "helm-values", yamlPath },
    site.image,
    {
      code: "unsupported",
      message: `${yamlPath} (${site.image}) has no tag, and a chart may join it with a tag set elsewhere; write the whole reference with its tag (${site.image}:1.2.3) if the chart reads it whole, or use {repository, tag}, to let Freshbase pin it.`
    }
  );
}

// src/core/yaml/pod-spec.ts
var import_yaml12 = __toESM(require_dist(), 1);
var CONTAINER_LISTS = [
  "initContainers",
  "containers",
  "ephemeralContainers"
];
function podSpecSites(yaml, document, spec, path3) {
  const sites = [];
  for (const list of CONTAINER_LISTS) {
    for (const [i, container] of seqItems(
      document,
      mapGet(document, spec, list)
    ).entries()) {
      const image = mapGetRaw(document, container, "image");
      if (image === void 0) continue;
      const yamlPath = `${path3}.${list}[${i}].image`;
      sites.push(
        literalImageSite(
          yaml,
          document,
          image,
          { source: "container", yamlPath },
          "Kubernetes"
        )
      );
    }
  }
  for (const [i, volume] of seqItems(
    document,
    mapGet(document, spec, "volumes")
  ).entries()) {
    const source = mapGet(document, volume, "image");
    if (!(0, import_yaml12.isMap)(source)) continue;
    const reference = mapGetRaw(document, source, "reference");
    if (reference === void 0) continue;
    const yamlPath = `${path3}.volumes[${i}].image.reference`;
    sites.push(
      literalImageSite(
        yaml,
        document,
        reference,
        { source: "image-volume", yamlPath },
        "Kubernetes"
      )
    );
  }
  return sites;
}

// src/core/yaml/kubernetes.ts
var POD_SPECS = [
  ["Pod", ["spec"]],
  ["PodTemplate", ["template", "spec"]],
  ["*", ["spec", "template", "spec"]],
  ["*", ["spec", "jobTemplate", "spec", "template", "spec"]]
];
function scanKubernetes(yaml) {
  const sites = [];
  for (const document of yaml.documents) {
    sites.push(...resourceSites(yaml, document, document.contents, ""));
  }
  return sites.sort((a, b) => a.line - b.line);
}
function resourceSites(yaml, document, resource, prefix) {
  const kind = stringOf(document, mapGet(document, resource, "kind"));
  const apiVersion = stringOf(
    document,
    mapGet(document, resource, "apiVersion")
  );
  if (kind === void 0 || apiVersion === void 0) return [];
  const sites = [];
  for (const [forKind, keys] of POD_SPECS) {
    if (forKind !== "*" && forKind !== kind) continue;
    let node = resource;
    for (const key of keys) node = mapGet(document, node, key);
    if (node === void 0) continue;
    sites.push(...podSpecSites(yaml, document, node, prefix + keys.join(".")));
  }
  if (kind.endsWith("List")) {
    const items = seqItems(document, mapGet(document, resource, "items"));
    for (const [i, item] of items.entries()) {
      sites.push(
        ...resourceSites(yaml, document, item, `${prefix}items[${i}].`)
      );
    }
  }
  return sites;
}
function looksLikeKubernetes(text) {
  return text.includes("apiVersion") && text.includes("kind") && text.includes("image");
}

// src/core/yaml/kustomize.ts
function scanKustomization(yaml) {
  const sites = [];
  for (const document of yaml.documents) {
    const images = mapGet(document, document.contents, "images");
    for (const [i, node] of seqItems(document, images).entries()) {
      const site = entrySite2(yaml, document, node, `images[${i}]`);
      if (site !== void 0) sites.push(site);
    }
  }
  return sites;
}
function entrySite2(yaml, document, node, path3) {
  const name = textOf(document, mapGet(document, node, "name"));
  const newName = textOf(document, mapGet(document, node, "newName"));
  const place = (field) => ({
    source: "kustomize",
    yamlPath: `${path3}.${field}`
  });
  if (name === void 0) {
    return skippedField(yaml, document, node, place("name"), newName ?? "", {
      code: "invalid",
      message: `${path3} has no name:, so kustomize changes no image with it; add the name the workloads use.`
    });
  }
  const entry = { yaml, document, node, path: path3, image: newName ?? name };
  const newTag = mapGetRaw(document, node, "newTag");
  const digest = mapGetRaw(document, node, "digest");
  if (isSet(document, digest)) return digestSite(entry, digest, newTag);
  if (isSet(document, newTag)) return newTagSite(entry, newTag);
  const newNameNode = mapGetRaw(document, node, "newName");
  if (newName !== void 0 && carriesTag(newName)) {
    return literalImageSite(
      yaml,
      document,
      newNameNode,
      place("newName"),
      "kustomize"
    );
  }
  return skippedField(
    yaml,
    document,
    newName === void 0 ? mapGetRaw(document, node, "name") : newNameNode,
    place(newName === void 0 ? "name" : "newName"),
    entry.image,
    {
      code: "unsupported",
      message: `${path3} (${entry.image}) only renames the image; its tag is in the workloads that use it, where Freshbase pins it. Add newTag: to pin it here instead.`
    }
  );
}
function digestSite(entry, digest, newTag) {
  const { yaml, document, path: path3 } = entry;
  const value = textOf(document, digest) ?? "";
  const place = { source: "kustomize", yamlPath: `${path3}.digest` };
  const tag = textOf(document, newTag);
  if (isSet(document, newTag) || carriesTag(entry.image)) {
    const image = tag === void 0 ? entry.image : `${entry.image}:${tag}`;
    return skippedField(yaml, document, digest, place, `${image}@${value}`, {
      code: "unsupported",
      message: `${path3} sets both a tag and digest:, and kustomize ignores the tag when a digest is set; keep one: remove digest: and write newTag: tag@sha256:\u2026 to let Freshbase pin the tag you follow.`
    });
  }
  return skippedField(
    yaml,
    document,
    digest,
    place,
    `${entry.image}@${value}`,
    {
      code: "digest-only",
      message: `${path3} sets only digest:, so there is no tag to track; write newTag: tag@sha256:\u2026 instead (kustomize then writes name:tag@sha256:\u2026) to let Freshbase follow the tag.`
    }
  );
}
function newTagSite(entry, newTag) {
  const { yaml, document, path: path3 } = entry;
  const place = { source: "kustomize", yamlPath: `${path3}.newTag` };
  const imageOf2 = (tag2) => `${entry.image}:${tag2}`;
  const number = numberTagSkip(yaml, document, newTag, place, imageOf2);
  if (number !== void 0) return number;
  const tag = textOf(document, newTag) ?? "";
  if (tag.startsWith("sha256:")) {
    return skippedField(
      yaml,
      document,
      newTag,
      place,
      `${entry.image}@${tag}`,
      {
        code: "invalid",
        message: `${path3}.newTag holds a digest, which kustomize reads as a tag; write newTag: tag@sha256:\u2026 (or the digest under digest:) to let Freshbase pin it.`
      }
    );
  }
  return literalImageSite(
    yaml,
    document,
    newTag,
    { ...place, imageOf: imageOf2 },
    "kustomize"
  );
}
function carriesTag(name) {
  return name.includes("@") || name.slice(name.lastIndexOf("/") + 1).includes(":");
}

// src/core/yaml/workflow.ts
var import_yaml13 = __toESM(require_dist(), 1);
function scanWorkflow(yaml) {
  const sites = [];
  for (const document of yaml.documents) {
    const scan = githubScan(yaml, document);
    const jobs = mapGet(document, document.contents, "jobs");
    for (const [id, job] of rawEntries(document, jobs)) {
      sites.push(...jobSites(scan, id, job));
    }
  }
  return sites;
}
function jobSites(scan, id, job) {
  const { document } = scan;
  const sites = [containerSite(scan, id, mapGetRaw(document, job, "container"))];
  const services = mapGetRaw(document, job, "services");
  for (const [name, service2] of rawEntries(document, services)) {
    sites.push(serviceSite(scan, `jobs.${id}.services.${name}`, service2));
  }
  const steps2 = mapGet(document, job, "steps");
  return [
    ...sites.filter((site) => site !== void 0),
    ...dockerStepSites(scan, steps2, `jobs.${id}.steps`)
  ];
}
function containerSite(scan, id, container) {
  const mapped = (0, import_yaml13.isMap)(resolved(scan.document, container));
  const yamlPath = `jobs.${id}.container${mapped ? ".image" : ""}`;
  const raw = mapped ? mapGetRaw(scan.document, container, "image") : container;
  return githubSite(scan, raw, {
    source: "job-container",
    yamlPath,
    empty: `${yamlPath} is empty, so the job runs directly on the runner; there is no image to pin.`
  });
}
function serviceSite(scan, path3, service2) {
  const mapped = (0, import_yaml13.isMap)(resolved(scan.document, service2));
  const yamlPath = mapped ? `${path3}.image` : path3;
  const raw = mapped ? mapGetRaw(scan.document, service2, "image") : service2;
  return githubSite(scan, raw, {
    source: "service-container",
    yamlPath,
    empty: `${yamlPath} is empty, so GitHub does not start this service; there is no image to pin.`
  });
}

// src/core/scan.ts
var YAML_SCANNERS = {
  compose: scanCompose,
  kubernetes: scanKubernetes,
  kustomize: scanKustomization,
  "helm-values": scanHelmValues,
  workflow: scanWorkflow,
  action: scanAction,
  "gitlab-ci": scanGitlabCi
};
function scanFile(file, text, kind = "dockerfile") {
  if (kind === "dockerfile") return scanDockerfile(file, text);
  if (!needsParse(kind, text)) return [];
  const parsed = parseYaml(file, kind, text);
  if (!parsed.ok) return [parsed.site];
  return YAML_SCANNERS[kind](parsed.yaml);
}
function needsParse(kind, text) {
  if (kind === "dockerfile") return false;
  return kind !== "kubernetes" || looksLikeKubernetes(text);
}

// src/core/rewrite.ts
function applyEdits(text, edits) {
  const checked = orderEdits(text, edits);
  if (!checked.ok) return checked;
  let out = "";
  let cursor = 0;
  for (const edit of checked.value) {
    out += text.slice(cursor, edit.span.start) + edit.replacement;
    cursor = edit.span.end;
  }
  return { ok: true, text: out + text.slice(cursor) };
}
function rewriteChecked(file, before, edits, beforeSites, kind = "dockerfile") {
  const applied = applyEdits(before, edits);
  if (!applied.ok) return applied;
  const verdict = verifyRewrite(
    file,
    before,
    applied.text,
    edits,
    beforeSites,
    kind
  );
  return verdict.ok ? applied : verdict;
}
function orderEdits(text, edits) {
  const sorted = [...edits].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end
  );
  const unique2 = [];
  for (const edit of sorted) {
    const problem4 = staleProblem(text, edit);
    if (problem4 !== void 0) return { ok: false, error: problem4 };
    const previous = unique2.at(-1);
    if (previous !== void 0 && sameEdit(previous, edit)) continue;
    const overlaps = previous !== void 0 && (edit.span.start < previous.span.end || sameSpan(previous, edit));
    if (overlaps) {
      return { ok: false, error: overlapProblem(text, previous, edit) };
    }
    unique2.push(edit);
  }
  return { ok: true, value: unique2 };
}
function staleProblem(text, edit) {
  const { start, end } = edit.span;
  if (start < 0 || end < start || end > text.length) {
    return `an edit points outside the file (offsets ${start}-${end} of ${text.length}); the file changed since it was scanned. Run freshbase again.`;
  }
  const found = text.slice(start, end);
  if (found === edit.expected) return void 0;
  return `line ${lineOf2(text, start)} should hold "${edit.expected}" but holds "${found}"; the file changed since it was scanned. Run freshbase again.`;
}
function overlapProblem(text, a, b) {
  return `two edits on line ${lineOf2(text, b.span.start)} touch the same text ("${a.expected}" \u2192 "${a.replacement}" and "${b.expected}" \u2192 "${b.replacement}"); nothing was written. Give each image its own ARG or FROM.`;
}
function sameSpan(a, b) {
  return a.span.start === b.span.start && a.span.end === b.span.end;
}
function sameEdit(a, b) {
  return sameSpan(a, b) && a.expected === b.expected && a.replacement === b.replacement;
}
function lineOf2(text, offset) {
  const breaks = text.slice(0, offset).match(/\r\n|\r|\n/g);
  return (breaks?.length ?? 0) + 1;
}
function verifyRewrite(file, before, after, edits, beforeSites, kind = "dockerfile") {
  const checked = orderEdits(before, edits);
  if (!checked.ok) return checked;
  const spliced = splicedProblem(before, after, checked.value);
  if (spliced !== void 0) return { ok: false, error: spliced };
  const problem4 = sitesProblem(
    beforeSites ?? scanFile(file, before, kind),
    scanFile(file, after, kind),
    checked.value
  );
  return problem4 === void 0 ? { ok: true } : { ok: false, error: problem4 };
}
function splicedProblem(before, after, edits) {
  let from = 0;
  let to = 0;
  for (const edit of edits) {
    const kept = before.slice(from, edit.span.start);
    if (after.slice(to, to + kept.length) !== kept) {
      return outsideProblem(before, after, from, to);
    }
    to += kept.length;
    if (after.slice(to, to + edit.replacement.length) !== edit.replacement) {
      return `line ${lineOf2(after, to)} does not hold "${edit.replacement}" after the rewrite; nothing was written.`;
    }
    to += edit.replacement.length;
    from = edit.span.end;
  }
  if (after.slice(to) !== before.slice(from)) {
    return outsideProblem(before, after, from, to);
  }
  return void 0;
}
function outsideProblem(before, after, from, to) {
  let i = 0;
  while (before[from + i] === after[to + i] && from + i < before.length) i++;
  return `the rewrite changed line ${lineOf2(after, to + i)} outside the image references; nothing was written.`;
}
function sitesProblem(before, after, edits) {
  const unused = edits.find((e) => !before.some((s) => spanIs(s, e.span)));
  if (unused !== void 0) {
    return `the edit of "${unused.expected}" does not replace an image reference; nothing was written.`;
  }
  if (before.length !== after.length) {
    return `the rewrite changed the number of image references from ${before.length} to ${after.length}; nothing was written.`;
  }
  for (const [i, was] of before.entries()) {
    const now = after[i];
    const edit = edits.find((e) => spanIs(was, e.span));
    const problem4 = now === void 0 ? "is missing" : edit === void 0 ? unchangedProblem(was, now, edits) : pinnedProblem(was, now, edit, edits);
    if (problem4 !== void 0) {
      return `after the rewrite, the ${was.source} reference on line ${was.line} ("${was.image}") ${problem4}; nothing was written.`;
    }
  }
  return void 0;
}
function spanIs(site, span) {
  return site.span?.start === span.start && site.span.end === span.end;
}
function unchangedProblem(was, now, edits) {
  const moved = was.span === void 0 ? was : { ...was, span: shifted(was.span, edits) };
  return canonical(moved) === canonical(now) ? void 0 : `changed to "${now.image}"${now.skip === void 0 ? "" : ` (${clause(now.skip.message)})`}`;
}
function pinnedProblem(was, now, edit, edits) {
  const digest = edit.replacement.slice(edit.replacement.lastIndexOf("@") + 1);
  if (now.skip !== void 0)
    return `is now skipped (${clause(now.skip.message)})`;
  const image = pinnedImage(was, digest);
  if (now.image !== image || now.ref?.digest !== digest) {
    return `became "${now.image}" instead of "${image}"`;
  }
  const span = shifted(edit.span, edits);
  if (now.span?.start !== span.start || now.spanText !== edit.replacement) {
    return `is no longer where the edit wrote "${edit.replacement}"`;
  }
  if (now.line !== was.line || now.source !== was.source) return "moved";
  return void 0;
}
function pinnedImage(site, digest) {
  const at = site.image.indexOf("@");
  const name = at < 0 ? site.image : site.image.slice(0, at);
  const tag = site.ref !== void 0 && site.ref.tag === void 0 ? ":latest" : "";
  return `${name}${tag}@${digest}`;
}
function shifted(span, edits) {
  let delta = 0;
  for (const edit of edits) {
    if (edit.span.end > span.start || sameSpanAs(edit, span)) break;
    delta += edit.replacement.length - (edit.span.end - edit.span.start);
  }
  return { start: span.start + delta, end: span.end + delta };
}
function sameSpanAs(edit, span) {
  return edit.span.start === span.start && edit.span.end === span.end;
}
function clause(sentence3) {
  return sentence3.replace(/\.$/, "");
}
function canonical(value) {
  return JSON.stringify(
    value,
    (_key, v) => v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(
      Object.entries(v).sort(
        ([a], [b]) => a < b ? -1 : a > b ? 1 : 0
      )
    ) : v
  );
}

// src/core/slots.ts
var Slots = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  active = 0;
  waiting = [];
  async run(fn) {
    if (this.active >= this.limit) {
      await new Promise((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next === void 0) this.active--;
      else next();
    }
  }
};

// src/core/image-glob.ts
function compileImageGlobs(globs) {
  const compiled = globs.map((glob) => ({ glob, regex: globToRegExp(glob) }));
  return (ref) => {
    const forms = imageForms(ref);
    return compiled.find(({ regex }) => forms.some((form) => regex.test(form)))?.glob;
  };
}
function globToRegExp(glob) {
  const body = [...glob].map(
    (ch) => ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&")
  ).join("");
  return new RegExp(`^${body}$`);
}
function imageForms(ref) {
  const tag = ref.tag === void 0 ? "" : `:${ref.tag}`;
  const normalized2 = `${ref.registry}/${ref.repository}`;
  const familiar = ref.registry === "docker.io" ? ref.repository.replace(/^library\/(?=[^/]+$)/, "") : normalized2;
  return [
    ref.name,
    ref.name + tag,
    normalized2,
    normalized2 + tag,
    familiar,
    familiar + tag
  ];
}

// src/pipeline/scan-kind.ts
function scanKind(path3, kinds, gitlabIncluded) {
  const byName = kindByName(path3);
  if (byName !== "dockerfile" && gitlabIncluded.has(path3)) {
    return kinds.has("gitlab-ci") ? "gitlab-ci" : void 0;
  }
  const kind = byName === void 0 ? "dockerfile" : byName === "yaml" ? "kubernetes" : byName;
  return kinds.has(settingOf(kind)) ? kind : void 0;
}
function gitlabIncludedPaths(entries, selected) {
  const patterns = entries.map((entry) => entry.trim().replace(/^(?:\.?\/)+/, "")).filter((entry) => entry !== "").map(gitlabWildcard);
  return selected.filter((path3) => patterns.some((p) => p.test(path3)));
}
function gitlabWildcard(pattern) {
  const source = pattern.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replaceAll("\\*\\*\\/", "(?:.*?\\/)?").replaceAll("\\*\\*", ".*?").replaceAll("\\*", "[^\\/]*?");
  return new RegExp(`^${source}$`);
}

// src/pipeline/scan-files.ts
function describeScan(counts) {
  return `scan: ${counts.read} files read, ${counts.dockerfiles} Dockerfiles scanned, ${counts.yamlParsed} YAML parsed, ${counts.yamlSkipped} YAML skipped by the content check`;
}
async function scanAll(found, files, config, onSite, preread = /* @__PURE__ */ new Map()) {
  const isIgnored = compileImageGlobs(config.ignore);
  const pause = pauser();
  const read = async (file) => files.read(file).catch((error) => error);
  const kinds = new Set(config.kinds);
  const gitlab = await readGitlabFirst(found, read, kinds);
  const perFile = await mapLimited(found, IO_PARALLELISM, async (file) => {
    const kind = scanKind(file, kinds, gitlab.included);
    if (kind === void 0) return void 0;
    const text = gitlab.texts.get(file) ?? preread.get(file) ?? await read(file);
    await pause();
    if (text instanceof Error) return { ok: false, file, text };
    const yaml = kind === "dockerfile" ? void 0 : needsParse(kind, text);
    const raw = yaml === false ? [] : scanFile(file, text, kind);
    const sites = raw.map((site) => markIgnored(site, isIgnored));
    sites.forEach(onSite);
    return { ok: true, file, text, raw, sites, yaml };
  });
  return collect(perFile);
}
function collect(perFile) {
  const counts = { read: 0, dockerfiles: 0, yamlParsed: 0, yamlSkipped: 0 };
  const scanned = {
    sites: [],
    texts: /* @__PURE__ */ new Map(),
    scans: /* @__PURE__ */ new Map(),
    problems: [],
    counts
  };
  for (const result of perFile) {
    if (result === void 0) continue;
    if (!result.ok) {
      scanned.problems.push(fileProblem(result.file, result.text.message));
      continue;
    }
    counts.read++;
    if (result.yaml === void 0) counts.dockerfiles++;
    else if (result.yaml) counts.yamlParsed++;
    else counts.yamlSkipped++;
    scanned.texts.set(result.file, result.text);
    scanned.scans.set(result.file, result.raw);
    for (const site of result.sites) scanned.sites.push(site);
  }
  return scanned;
}
async function readGitlabFirst(found, read, kinds) {
  const texts = /* @__PURE__ */ new Map();
  const included = /* @__PURE__ */ new Set();
  if (!kinds.has("gitlab-ci")) return { included, texts };
  let next = found.filter((file) => kindByName(file) === "gitlab-ci");
  while (next.length > 0) {
    const batch = next;
    const results = await mapLimited(batch, IO_PARALLELISM, read);
    batch.forEach((file, i) => texts.set(file, results[i]));
    const entries = batch.flatMap((file) => {
      const text = texts.get(file);
      return typeof text === "string" ? gitlabLocalIncludes(file, text) : [];
    });
    next = gitlabIncludedPaths(entries, found).filter((file) => {
      const fresh = !included.has(file) && kindByName(file) !== "dockerfile";
      if (fresh) included.add(file);
      return fresh && !texts.has(file);
    });
  }
  return { included, texts };
}
function pauser(everyMs = 1) {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
var IO_PARALLELISM = 16;
function markIgnored(site, isIgnored) {
  const glob = site.ref === void 0 || site.skip !== void 0 ? void 0 : isIgnored(site.ref);
  if (glob === void 0) return site;
  return {
    ...site,
    skip: { code: "ignored", message: `matches ignore pattern "${glob}"` }
  };
}
function fileProblem(file, message) {
  return {
    file,
    line: 1,
    image: "",
    source: "from",
    decision: "failed",
    reason: message,
    warnings: []
  };
}

// src/pipeline/finish-files.ts
async function finishFiles(scanned, finals, policy, write, adjust) {
  const slots = new Slots(IO_PARALLELISM);
  const done = /* @__PURE__ */ new Map();
  const planOf = (file) => done.get(file);
  for (const [file, found] of sitesByFile(scanned.sites)) {
    done.set(
      file,
      (async () => {
        await Promise.resolve();
        const sites = adjust === void 0 ? found : await adjust(file, found, planOf);
        return finishFile(file, sites, {
          scanned,
          finals,
          policy,
          write,
          slots
        });
      })()
    );
  }
  return Promise.all(done.values());
}
async function finishFile(file, sites, { scanned, finals, policy, write, slots }) {
  const pending = /* @__PURE__ */ new Map();
  for (const site of sites) {
    const key = site.ref === void 0 ? void 0 : canonicalKey(site.ref);
    const final = key === void 0 ? void 0 : finals.get(key);
    if (key !== void 0 && final !== void 0) pending.set(key, final);
  }
  const resolutions = await Promise.all(pending.values());
  const plan = planUpdates(sites, resolutions, policy);
  const planned = plan.files[0];
  if (planned === void 0) return { plan };
  return slots.run(async () => rewriteFile(file, planned, plan, scanned, write));
}
async function rewriteFile(file, { edits, kind }, plan, { texts, scans }, write) {
  const before = texts.get(file) ?? "";
  const applied = rewriteChecked(file, before, edits, scans.get(file), kind);
  if (!applied.ok) return refuse(plan, `${file}: not written: ${applied.error}`);
  const change = { file, before, after: applied.text };
  try {
    await write?.(change);
  } catch (error) {
    return refuse(plan, error.message);
  }
  return { plan, change };
}
function refuse(plan, reason) {
  const rows = plan.rows.map(
    (row2) => row2.decision === "pin" || row2.decision === "update" ? { ...row2, decision: "failed", reason } : row2
  );
  return { plan: { rows, files: [] } };
}
function sitesByFile(sites) {
  const byFile = /* @__PURE__ */ new Map();
  for (const site of sites) {
    const list = byFile.get(site.file);
    if (list === void 0) byFile.set(site.file, [site]);
    else list.push(site);
  }
  return byFile;
}

// src/pipeline/run.ts
async function run(config, ports, mode, options = {}) {
  const { files, resolver, logger } = ports;
  const found = await logger.group(
    "Discover",
    async () => files.discover(config)
  );
  const looks = new FirstLooks(resolver);
  const { scanned, chains } = await scanWithChains(found, config, ports, looks);
  const requests = buildRequests(scanned.sites, config.registryMap);
  const proposed = options.proposed ?? /* @__PURE__ */ new Map();
  const byKey = proposedByKey(proposed);
  const finals = new Map(
    requests.map((request) => [
      request.key,
      looks.final(request, byKey.get(request.key) ?? [])
    ])
  );
  const write = mode === "apply" ? async (change) => files.write(change.file, change.after) : void 0;
  const done = await logger.group(
    mode === "apply" ? "Resolve and write" : "Resolve and rewrite",
    async () => finishFiles(
      scanned,
      finals,
      { ...config, proposed },
      write,
      config.pinBuiltHere ? pinBuiltHereAdjuster(chains) : void 0
    )
  );
  const resolutions = await Promise.all(finals.values());
  const planned = done.flatMap((d) => d.plan.files);
  return {
    plan: {
      rows: [...scanned.problems, ...done.flatMap((d) => d.plan.rows)],
      files: planned,
      resolutions
    },
    chains,
    rebuild: rebuildSet(chains, planned),
    changes: done.flatMap((d) => d.change === void 0 ? [] : [d.change]),
    filesScanned: found.length,
    uniqueImages: requests.length
  };
}
async function scanWithChains(found, config, { files, logger, bake }, looks) {
  const declared = await logger.group(
    "Read build declarations",
    async () => readDeclarations(found, files, config, bake)
  );
  const produced = /* @__PURE__ */ new Map();
  for (const { repository, dockerfile } of declared.producers)
    produced.set(
      repository,
      (produced.get(repository) ?? /* @__PURE__ */ new Set()).add(dockerfile)
    );
  const onSite = (site) => {
    if (!config.pinBuiltHere && namesProduced(site, produced)) return;
    const request = firstLook(site, config.registryMap);
    if (request !== void 0) looks.look(request);
  };
  const seen = await logger.group(
    "Scan",
    async () => scanAll(found, files, config, onSite, declared.texts)
  );
  logger.debug(describeScan(seen.counts));
  const chains = buildChains(declared.producers, seen.sites, declared.problems);
  if (config.pinBuiltHere) return { scanned: seen, chains };
  return {
    scanned: { ...seen, sites: markBuiltHere(seen.sites, chains) },
    chains
  };
}
var FirstLooks = class {
  constructor(resolver) {
    this.resolver = resolver;
  }
  resolver;
  looks = /* @__PURE__ */ new Map();
  look(request) {
    let look = this.looks.get(request.key);
    if (look === void 0) {
      look = { asked: request, pending: this.resolver.resolve(request) };
      this.looks.set(request.key, look);
    }
    return look;
  }
  /**
   * After the scan, with every site's pin known: the first look, or a
   * second one for stale pins of other sites it did not cover (the tag is
   * not asked again).
   */
  async final(request, proposed) {
    const { asked, pending } = this.look(request);
    const first = await pending;
    const again = secondLook(request, asked, first, proposed);
    if (again === void 0) return first;
    const second = await this.resolver.resolve(again);
    const onlyProposed = secondLook(request, asked, first) === void 0;
    return second.kind === "failed" && onlyProposed ? first : second;
  }
};

// src/wiring.ts
import { existsSync } from "node:fs";
import os from "node:os";

// src/buildx/bake-print.ts
import { execFile } from "node:child_process";
var KEPT_ENV = [
  "PATH",
  "HOME",
  "DOCKER_CONFIG",
  "DOCKER_HOST",
  "DOCKER_CONTEXT",
  "BUILDX_CONFIG",
  "BUILDX_BUILDER"
];
var MAX_OUTPUT = 16 * 1024 * 1024;
function createBuildxBake(options) {
  const docker = options.docker ?? "docker";
  const env = {};
  for (const name of KEPT_ENV) {
    const value = options.env[name];
    if (value !== void 0) env[name] = value;
  }
  let available;
  const exec = async (args) => run2(docker, args, { cwd: options.root, env, timeout: options.timeoutMs });
  return {
    async print(files) {
      available ??= exec(["buildx", "version"]).then((r) => r.ok);
      if (!await available) return { kind: "unavailable" };
      const args = ["buildx", "bake", "--print"];
      for (const file of files) args.push("-f", file);
      const result = await exec(args);
      if (result.ok) return { kind: "printed", json: result.stdout };
      return { kind: "failed", message: result.message };
    }
  };
}
async function run2(command, args, options) {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { ...options, maxBuffer: MAX_OUTPUT, windowsHide: true },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ ok: true, stdout });
          return;
        }
        resolve({ ok: false, message: failure(error, stderr) });
      }
    );
  });
}
function failure(error, stderr) {
  if (error.killed === true) return "timed out";
  if (error.code === "ENOENT") return "docker is not installed";
  const line = stderr.split("\n").map((l) => l.trim()).find((l) => l !== "");
  return line ?? error.message.split("\n")[0] ?? "failed";
}

// src/files/file-store.ts
import { readFileSync } from "node:fs";

// src/files/atomic-write.ts
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsync,
  openSync,
  rename,
  statSync,
  unlinkSync,
  writeSync
} from "node:fs";
import path from "node:path";
async function writeFileAtomic(file, text) {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.freshbase-${randomBytes(6).toString("hex")}.tmp`
  );
  try {
    const mode = statSync(file, { throwIfNoEntry: false })?.mode;
    const fd = openSync(temp, "wx", mode === void 0 ? 420 : mode & 4095);
    try {
      writeAll(fd, Buffer.from(text, "utf8"));
      await new Promise((resolve, reject) => {
        fsync(fd, (error) => error === null ? resolve() : reject(error));
      });
    } finally {
      closeSync(fd);
    }
    await new Promise((resolve, reject) => {
      rename(temp, file, (error) => error === null ? resolve() : reject(error));
    });
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
    }
    throw new Error(
      `could not write ${file}: ${error.message}. The original file is unchanged; check that the directory is writable.`,
      { cause: error }
    );
  }
}
function writeAll(fd, bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    offset += writeSync(fd, bytes, offset, bytes.length - offset);
  }
}

// src/files/discover.ts
import { readdirSync, realpathSync, statSync as statSync2 } from "node:fs";
import { realpath } from "node:fs/promises";
import path2 from "node:path";

// src/core/code-unit-order.ts
function byCodeUnit(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/files/select.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var ALWAYS_SKIPPED = /* @__PURE__ */ new Set([".git", "node_modules"]);
function fileSelector(options) {
  const kinds = new Set(options.kinds ?? KIND_SETTINGS);
  const isExcluded = (0, import_picomatch.default)([...options.exclude], { dot: true });
  const isIncluded = options.include.length === 0 ? () => true : (0, import_picomatch.default)([...options.include], { dot: true });
  const literal2 = literalIncludes(options.include);
  return {
    skips: (path3) => ALWAYS_SKIPPED.has(baseName(path3)) || isExcluded(path3),
    selects: (path3) => !ALWAYS_SKIPPED.has(baseName(path3)) && !isExcluded(path3) && (literal2.has(path3) ? literalSelected(path3, kinds) : selectedByName(path3, kinds) && isIncluded(path3))
  };
}
function literalSelected(path3, kinds) {
  return kindByName(path3) === void 0 ? kinds.has("dockerfile") : selectedByName(path3, kinds);
}
function literalIncludes(include) {
  return new Set(
    include.filter((p) => !import_picomatch.default.scan(p).isGlob).map((p) => p.replace(/^(?:\.\/)+/, ""))
  );
}
function selectPaths(paths, options, scope = []) {
  const selector = fileSelector(options);
  const inScope = (p) => scope.length === 0 || scope.some((dir) => p === dir || p.startsWith(`${dir}/`));
  return paths.filter((p) => inScope(p) && selector.selects(p)).filter((p) => !folders(p).some(selector.skips)).sort(byCodeUnit);
}
function folders(path3) {
  const parts = path3.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}
function baseName(path3) {
  return path3.slice(path3.lastIndexOf("/") + 1);
}

// src/files/discover.ts
async function discoverFiles(root, options) {
  const realRoot = await realpath(root).catch((error) => {
    throw new Error(
      `cannot read the directory "${root}": ${error.message}. Pass an existing directory to scan.`
    );
  });
  const selector = fileSelector(options);
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  const walk2 = (dir, relDir) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => byCodeUnit(a.name, b.name));
    for (const entry of entries) {
      const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
      if (selector.skips(rel)) continue;
      const full = path2.join(dir, entry.name);
      const target = entry.isSymbolicLink() ? followInside(full, realRoot) : {
        real: full,
        isDirectory: entry.isDirectory(),
        isFile: entry.isFile()
      };
      if (target === void 0 || seen.has(target.real)) continue;
      if (target.isDirectory) {
        seen.add(target.real);
        walk2(target.real, rel);
      } else if (target.isFile && selector.selects(rel)) {
        seen.add(target.real);
        found.push({ path: rel, realPath: target.real });
      }
    }
  };
  walk2(realRoot, "");
  return found.sort((a, b) => byCodeUnit(a.path, b.path));
}
function followInside(full, realRoot) {
  let real;
  try {
    real = realpathSync(full);
  } catch {
    return void 0;
  }
  const relative = path2.relative(realRoot, real);
  if (relative.startsWith("..") || path2.isAbsolute(relative)) return void 0;
  const info = statSync2(real);
  return { real, isDirectory: info.isDirectory(), isFile: info.isFile() };
}

// src/files/file-store.ts
function createFileStore() {
  const realPaths = /* @__PURE__ */ new Map();
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  return {
    // `kinds` comes with the run's Config (absent = all kinds).
    async discover(config) {
      const found = await discoverFiles(config.root, config);
      for (const f of found) realPaths.set(f.path, f.realPath);
      return found.map((f) => f.path);
    },
    // Synchronous on purpose: a Dockerfile is a few KB, and readFileSync
    // costs ~10 µs where fs/promises' readFile costs ~80-120 µs of the main
    // thread (open, fstat, read, close each a round trip through the thread
    // pool). The pipeline yields to the event loop between files.
    async read(file) {
      const bytes = readFileSync(realPathOf(file));
      try {
        return Promise.resolve(decoder.decode(bytes));
      } catch {
        throw new Error(
          `${file}: not valid UTF-8 text; skipped. Save the file as UTF-8 to let Freshbase pin it.`
        );
      }
    },
    async write(file, text) {
      await writeFileAtomic(realPathOf(file), text);
    }
  };
  function realPathOf(file) {
    const real = realPaths.get(file);
    if (real === void 0) throw new Error(`${file}: not a discovered file`);
    return real;
  }
}

// src/osv/answers.ts
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function strings(value) {
  if (!Array.isArray(value)) return void 0;
  return value.filter((item) => typeof item === "string");
}
function batchBody(queries, tokens) {
  return JSON.stringify({
    queries: queries.map((query, i) => {
      const token = tokens[i];
      return {
        package: { ecosystem: query.ecosystem, name: query.name },
        version: query.version,
        ...token === void 0 ? {} : { page_token: token }
      };
    })
  });
}
function parseBatch(body, expected) {
  const results = isRecord2(body) ? body.results : void 0;
  if (!Array.isArray(results)) return "the answer has no results list";
  if (results.length !== expected) {
    return `the answer has ${results.length} results for ${expected} queries`;
  }
  const parsed = [];
  for (const [i, result] of results.entries()) {
    const one = parseResult(result);
    if (typeof one === "string") return `result ${i}: ${one}`;
    parsed.push(one);
  }
  return parsed;
}
function parseResult(result) {
  if (!isRecord2(result)) return "not an object";
  const vulns = result.vulns ?? [];
  if (!Array.isArray(vulns)) return "vulns is not a list";
  const ids = [];
  for (const vuln of vulns) {
    if (!isRecord2(vuln) || typeof vuln.id !== "string" || vuln.id === "") {
      return "a vulnerability without an id";
    }
    ids.push(vuln.id);
  }
  const token = result.next_page_token ?? result.nextPageToken;
  if (token === void 0 || token === "") return { ids };
  if (typeof token !== "string") return "next_page_token is not a string";
  return { ids, nextPageToken: token };
}
function parseRecord(body) {
  if (!isRecord2(body)) return "the answer is not a JSON object";
  if (typeof body.id !== "string" || body.id === "") {
    return "the record has no id";
  }
  const text = (key) => typeof body[key] === "string" ? { [key]: body[key] } : {};
  const list = (key) => {
    const items = strings(body[key]);
    return items === void 0 ? {} : { [key]: items };
  };
  const severity = Array.isArray(body.severity) ? body.severity.filter(
    (s) => isRecord2(s) && typeof s.type === "string" && typeof s.score === "string"
  ) : void 0;
  const specific = body.database_specific ?? body.databaseSpecific;
  return {
    id: body.id,
    ...list("aliases"),
    ...list("upstream"),
    ...text("summary"),
    ...text("details"),
    ...text("withdrawn"),
    ...severity === void 0 ? {} : { severity: severity.map((s) => ({ type: s.type, score: s.score })) },
    ...isRecord2(specific) ? { database_specific: specific } : {}
  };
}

// src/osv/request.ts
var OsvError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "OsvError";
  }
  status;
};
var OSV_ADVICE = "Evidence is best effort and blocks nothing; set osv: false (CLI --no-osv) on air-gapped runners, or osv-url (--osv-url) to a reachable mirror.";
var MAX_RETRY_AFTER_MS = 1e4;
var ERROR_BODY_BYTES = 64 * 1024;
async function requestJson(options, call) {
  const attempts = options.retries + 1;
  let last = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const outcome = await attemptOnce(options, call);
    if (outcome.kind === "ok") return outcome.value;
    if (outcome.kind === "fail") throw outcome.error;
    last = outcome.why;
    if (attempt === attempts) break;
    const wait = outcome.waitMs ?? options.backoffMs * 2 ** (attempt - 1);
    options.logger.debug(
      `${service(options)}: ${call.method} ${call.path} ${last}; retrying in ${wait} ms (attempt ${attempt + 1} of ${attempts})`
    );
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new OsvError(
    `${service(options)}: ${call.method} ${call.path} ${last} (${attempts} attempts). ${OSV_ADVICE}`
  );
}
function service(options) {
  return `OSV (${shownBase(options.baseUrl)})`;
}
function shownBase(baseUrl) {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/$/, "")}`;
  } catch {
    return "<invalid URL>";
  }
}
async function attemptOnce(options, call) {
  const started = Date.now();
  const signal = AbortSignal.timeout(options.timeoutMs);
  options.counter?.count(call.kind, new URL(options.baseUrl).host);
  try {
    const response = await options.fetch(`${options.baseUrl}${call.path}`, {
      method: call.method,
      headers: {
        accept: "application/json",
        ...call.body === void 0 ? {} : { "content-type": "application/json" }
      },
      ...call.body === void 0 ? {} : { body: call.body },
      signal
    });
    const outcome = await interpret(options, call, response);
    options.logger.debug(
      `${service(options)}: ${call.method} ${call.path} \u2192 ${response.status} in ${Date.now() - started} ms`
    );
    return outcome;
  } catch (error) {
    if (isTimeout(error, signal)) {
      const seconds = (options.timeoutMs / 1e3).toString();
      return fail2(
        `${service(options)} did not answer ${call.method} ${call.path} within ${seconds} s. ${OSV_ADVICE}`
      );
    }
    if (error instanceof OsvError) return { kind: "fail", error };
    return { kind: "retry", why: `could not be sent (${causeOf(error)})` };
  }
}
async function interpret(options, call, response) {
  const where = service(options);
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    const wait = retryAfterMs(response.headers.get("retry-after"));
    return {
      kind: "retry",
      why: `was answered with ${response.status}`,
      ...wait === void 0 ? {} : { waitMs: wait }
    };
  }
  if (response.status !== 200) {
    const text = await readCapped(response, ERROR_BODY_BYTES);
    const message = rpcMessage(text);
    const next = response.status === 404 || response.status === 405 ? `check that osv-url points at an OSV API (${shownBase(options.baseUrl)}/v1/querybatch must exist)` : "the request did not suit this OSV API; please report it to Freshbase";
    return fail2(
      `${where} answered ${call.method} ${call.path} with ${response.status}${message}; ${next}. ${OSV_ADVICE}`,
      response.status
    );
  }
  const bytes = await readCapped(response, call.maxBytes);
  if (bytes === void 0) {
    return fail2(
      `${where}: the answer to ${call.method} ${call.path} is larger than ${call.maxBytes / 1024 / 1024} MiB, so it was not read. ${OSV_ADVICE}`
    );
  }
  try {
    return { kind: "ok", value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    const type = response.headers.get("content-type") ?? "no content-type";
    return fail2(
      `${where} answered ${call.method} ${call.path} with something that is not JSON (${type}); check that osv-url points at an OSV API, not a proxy or a login page. ${OSV_ADVICE}`
    );
  }
}
function fail2(message, status) {
  return { kind: "fail", error: new OsvError(message, status) };
}
async function readCapped(response, maxBytes) {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes || response.body === null) {
    await response.body?.cancel();
    return response.body === null ? new Uint8Array() : void 0;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return void 0;
    }
    chunks.push(value);
  }
}
function rpcMessage(bytes) {
  if (bytes === void 0) return "";
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes));
    const message = parsed?.message;
    if (typeof message !== "string" || message === "") return "";
    return `: ${message.length > 300 ? `${message.slice(0, 300)}\u2026` : message}`;
  } catch {
    return "";
  }
}
function retryAfterMs(value) {
  if (value === null || !/^\d+$/.test(value.trim())) return void 0;
  return Math.min(Number(value.trim()) * 1e3, MAX_RETRY_AFTER_MS);
}
function isTimeout(error, signal) {
  if (signal.aborted) return true;
  return error instanceof Error && error.name === "TimeoutError";
}
function causeOf(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return error.message;
}

// src/osv/client.ts
var DEFAULT_OSV_API = "https://api.osv.dev";
var MAX_BATCH_QUERIES = 1e3;
var MAX_PAGES = 100;
var BATCH_BODY_LIMIT = 32 * 1024 * 1024;
var RECORD_BODY_LIMIT = 16 * 1024 * 1024;
var OsvClient = class {
  request;
  records = /* @__PURE__ */ new Map();
  constructor(options) {
    const url = (options.url ?? DEFAULT_OSV_API).replace(/\/+$/, "");
    if (!URL.canParse(url) || !/^https?:/i.test(url)) {
      throw new Error(
        `osv-url "${url}" is not an http(s) URL of an OSV API; use ${DEFAULT_OSV_API} (the default) or your mirror's base URL.`
      );
    }
    this.request = {
      baseUrl: url,
      timeoutMs: options.timeoutMs ?? 2e4,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 500,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      logger: options.logger,
      ...options.counter === void 0 ? {} : { counter: options.counter }
    };
  }
  async queryBatch(queries) {
    const slots = /* @__PURE__ */ new Map();
    const unique2 = [];
    const slotOf = queries.map((query) => {
      const key = JSON.stringify([query.ecosystem, query.name, query.version]);
      let slot = slots.get(key);
      if (slot === void 0) {
        slot = unique2.push(query) - 1;
        slots.set(key, slot);
      }
      return slot;
    });
    const ids = await this.allPages(unique2);
    return slotOf.map((slot) => [...ids[slot] ?? []]);
  }
  async vulnerability(id) {
    let record2 = this.records.get(id);
    if (record2 === void 0) {
      record2 = this.fetchRecord(id);
      this.records.set(id, record2);
      record2.catch(() => this.records.delete(id));
    }
    return record2;
  }
  async allPages(queries) {
    const ids = queries.map(() => /* @__PURE__ */ new Set());
    let pending = queries.map((_, index) => ({ index }));
    for (let page = 1; pending.length > 0; page++) {
      if (page > MAX_PAGES) {
        throw new OsvError(
          `${service(this.request)}: POST /v1/querybatch still had more pages after ${MAX_PAGES} for ${pending.length} queries; stopped. ${OSV_ADVICE}`
        );
      }
      const next = [];
      for (let at = 0; at < pending.length; at += MAX_BATCH_QUERIES) {
        const chunk = pending.slice(at, at + MAX_BATCH_QUERIES);
        next.push(...await this.askChunk(queries, chunk, ids));
      }
      pending = next;
    }
    return ids.map((set) => [...set]);
  }
  /** One querybatch request; returns the queries that have another page. */
  async askChunk(queries, chunk, ids) {
    const body = batchBody(
      chunk.map((p) => queries[p.index]),
      chunk.map((p) => p.token)
    );
    const answer = await requestJson(this.request, {
      method: "POST",
      path: "/v1/querybatch",
      body,
      maxBytes: BATCH_BODY_LIMIT,
      kind: "osv-querybatch"
    });
    const results = parseBatch(answer, chunk.length);
    if (typeof results === "string") {
      throw new OsvError(
        `${service(this.request)}: the answer to POST /v1/querybatch does not fit its ${chunk.length} queries (${results}); check that osv-url points at an OSV API. ${OSV_ADVICE}`
      );
    }
    const next = [];
    results.forEach((result, j) => {
      const pending = chunk[j];
      result.ids.forEach((id) => ids[pending.index]?.add(id));
      const token = result.nextPageToken;
      if (token === void 0) return;
      if (token === pending.token) {
        throw new OsvError(
          `${service(this.request)}: POST /v1/querybatch gave the same next_page_token twice; stopped paging. ${OSV_ADVICE}`
        );
      }
      next.push({ index: pending.index, token });
    });
    return next;
  }
  async fetchRecord(id) {
    const path3 = `/v1/vulns/${encodeURIComponent(id)}`;
    let answer;
    try {
      answer = await requestJson(this.request, {
        method: "GET",
        path: path3,
        maxBytes: RECORD_BODY_LIMIT,
        kind: "osv-vuln"
      });
    } catch (error) {
      if (error instanceof OsvError && error.status === 404) {
        throw new OsvError(
          `${service(this.request)} has no record ${id} (GET ${path3} answered 404); it may have been withdrawn or merged into another id.`,
          404
        );
      }
      throw error;
    }
    const record2 = parseRecord(answer);
    if (typeof record2 === "string") {
      throw new OsvError(
        `${service(this.request)}: GET ${path3} did not give an OSV record (${record2}); check that osv-url points at an OSV API. ${OSV_ADVICE}`
      );
    }
    return record2;
  }
};

// src/registry/http-policy.ts
var MANIFEST_BODY_LIMIT = 4 * 1024 * 1024;
function isRetryableStatus(status) {
  return status === 429 || status >= 500 && status <= 599;
}
function parseRetryAfter(value, nowMs) {
  const text = value?.trim() ?? "";
  if (text === "") return void 0;
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  if (!/^[A-Za-z]{3}/.test(text)) return void 0;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return void 0;
  return Math.max(0, date - nowMs);
}
var BACKOFF_BASE_MS = 500;
var BACKOFF_MAX_MS = 8e3;
function backoffDelay(attempt, random) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random / 2));
}
function isLoopbackHost(host) {
  const name = hostName(host);
  if (name === "localhost" || name === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
function allowsPlainHttp(host, insecureRegistries) {
  if (isLoopbackHost(host)) return true;
  const wanted = host.toLowerCase();
  return insecureRegistries.some((entry) => {
    const listed2 = stripScheme(entry.trim().toLowerCase());
    return listed2 === wanted || !hasPort(listed2) && listed2 === hostName(wanted);
  });
}
var VISIBLE_QUERY = /* @__PURE__ */ new Set(["service", "scope", "n", "last", "digest"]);
function redactUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return "<invalid URL>";
  }
  parsed.username = "";
  parsed.password = "";
  for (const name of [...parsed.searchParams.keys()]) {
    if (!VISIBLE_QUERY.has(name.toLowerCase())) {
      parsed.searchParams.set(name, "REDACTED");
    }
  }
  return parsed.href;
}
function redirectedHost(url, host) {
  try {
    const final = new URL(url);
    const expected = new URL(`${final.protocol}//${host}`);
    return final.host === expected.host ? void 0 : final.host;
  } catch {
    return void 0;
  }
}
function hostName(host) {
  const lower = host.toLowerCase();
  if (lower.startsWith("[")) {
    const end = lower.indexOf("]");
    return end < 0 ? lower : lower.slice(0, end + 1);
  }
  const colon = lower.lastIndexOf(":");
  return colon < 0 ? lower : lower.slice(0, colon);
}
function hasPort(host) {
  return hostName(host) !== host;
}
function stripScheme(entry) {
  return entry.replace(/^[a-z]+:\/\//, "").replace(/\/.*$/, "");
}

// src/registry/errors.ts
var TEMPORARY_CODES = /* @__PURE__ */ new Set(["TOOMANYREQUESTS", "UNAVAILABLE"]);
var RegistryError = class extends Error {
  name = "RegistryError";
  reason;
  code;
  status;
  method;
  url;
  retryAfter;
  redirectedTo;
  temporary;
  constructor(init) {
    super(init.message, { cause: init.cause });
    this.reason = init.reason;
    if (init.code !== void 0) this.code = init.code;
    if (init.status !== void 0) this.status = init.status;
    if (init.method !== void 0) this.method = init.method;
    if (init.url !== void 0) this.url = init.url;
    if (init.retryAfter !== void 0) this.retryAfter = init.retryAfter;
    if (init.redirectedTo !== void 0) this.redirectedTo = init.redirectedTo;
    this.temporary = isTemporary(init);
  }
};
function isTemporary(init) {
  if (["network", "interrupted", "timeout"].includes(init.reason)) return true;
  if (init.code !== void 0 && TEMPORARY_CODES.has(init.code)) return true;
  const status = init.status ?? 0;
  return status === 429 || status >= 500;
}
function parseOciErrors(body) {
  let json;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return [];
  }
  if (!isRecord3(json) || !Array.isArray(json["errors"])) return [];
  const errors = [];
  for (const entry of json["errors"]) {
    if (!isRecord3(entry) || typeof entry["code"] !== "string") continue;
    const message = entry["message"];
    errors.push(
      typeof message === "string" ? { code: entry["code"], message } : { code: entry["code"] }
    );
  }
  return errors;
}
function errorFromResponse(method, url, response, registryHost) {
  const redirectedTo = registryHost === void 0 ? void 0 : redirectedHost(url, registryHost);
  const first = parseOciErrors(response.body)[0];
  const retryAfter = response.headers.get("retry-after") ?? void 0;
  const label = first === void 0 ? "" : ` ${first.code}`;
  const detail = first?.message === void 0 ? "" : `: ${first.message}`;
  return new RegistryError({
    reason: "status",
    message: `${method} ${url} answered ${response.status}${label}${detail}`,
    status: response.status,
    method,
    url,
    ...first === void 0 ? {} : { code: first.code },
    ...retryAfter === void 0 ? {} : { retryAfter },
    ...redirectedTo === void 0 ? {} : { redirectedTo }
  });
}
function isRecord3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/registry/token-endpoint.ts
import { createHash } from "node:crypto";
var DEFAULT_EXPIRES_IN_S = 60;
var EXPIRY_MARGIN_MS = 1e4;
var TOKEN_BODY_LIMIT = 1024 * 1024;
var TokenCache = class {
  constructor(options) {
    this.options = options;
  }
  options;
  tokens = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  /** A valid token; `refresh` drops a cached one the registry refused. */
  async token(request, refresh = false) {
    const key = cacheKey(request);
    if (refresh) this.tokens.delete(key);
    const cached = this.tokens.get(key);
    if (cached !== void 0 && cached.expiresAt > this.now())
      return cached.token;
    const inFlight = this.pending.get(key);
    if (inFlight !== void 0) return inFlight;
    const fetching = this.fetchAndCache(key, request).finally(() => {
      this.pending.delete(key);
    });
    this.pending.set(key, fetching);
    return fetching;
  }
  async fetchAndCache(key, request) {
    const response = await requestToken(this.options, request);
    const { token, expiresInS } = parseTokenResponse(response, request);
    this.options.logger.secret(token);
    const lifetime = expiresInS * 1e3;
    const expiresAt = this.now() + Math.max(lifetime - EXPIRY_MARGIN_MS, lifetime / 2);
    this.tokens.set(key, { token, expiresAt });
    return token;
  }
  now() {
    return this.options.now?.() ?? Date.now();
  }
};
function cacheKey(request) {
  const identity = createHash("sha256").update(JSON.stringify(request.credential ?? {})).digest("hex").slice(0, 16);
  return [request.realm, request.service ?? "", request.scope, identity].join(
    " "
  );
}
async function requestToken(options, request) {
  const realm = realmUrl(request);
  const credential = safeCredential(options, request, realm);
  if (credential?.identityToken !== void 0) {
    const response = await postRefreshToken(
      options,
      request,
      realm,
      credential.identityToken
    );
    if (response.status !== 404) return response;
  }
  const url = new URL(realm);
  if (request.service !== void 0)
    url.searchParams.set("service", request.service);
  url.searchParams.set("scope", request.scope);
  const basic = basicAuthorization(credential);
  if (basic !== void 0) options.logger.secret(basic);
  return options.http.toUrl(url.href, {
    method: "GET",
    kind: "token",
    registry: request.registry,
    headers: basic === void 0 ? {} : { Authorization: basic },
    maxBodyBytes: TOKEN_BODY_LIMIT
  });
}
async function postRefreshToken(options, request, realm, identityToken) {
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: identityToken,
    client_id: options.clientId ?? "freshbase",
    scope: request.scope
  });
  if (request.service !== void 0) form.set("service", request.service);
  return options.http.toUrl(realm.href, {
    method: "POST",
    kind: "token",
    registry: request.registry,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    maxBodyBytes: TOKEN_BODY_LIMIT
  });
}
function realmUrl(request) {
  let realm;
  try {
    realm = new URL(request.realm);
  } catch {
    realm = void 0;
  }
  if (realm === void 0 || !["https:", "http:"].includes(realm.protocol)) {
    throw tokenError(
      request,
      `the token realm "${request.realm}" is not an http(s) URL`
    );
  }
  return realm;
}
function safeCredential(options, request, realm) {
  const credential = request.credential;
  if (credential === void 0 || realm.protocol === "https:") return credential;
  if (options.http.allowsPlainHttp(realm.host)) return credential;
  options.logger.warn(
    `Not sending credentials for ${request.registry} to the plain-HTTP token endpoint ${realm.host}; asking for an anonymous token.`
  );
  return void 0;
}
function basicAuthorization(credential) {
  if (credential?.username === void 0 || credential.password === void 0) {
    return void 0;
  }
  const encoded = Buffer.from(
    `${credential.username}:${credential.password}`
  ).toString("base64");
  return `Basic ${encoded}`;
}
function parseTokenResponse(response, request) {
  if (response.status !== 200) {
    throw tokenError(
      request,
      `the token endpoint answered ${response.status}`,
      response.status
    );
  }
  let json;
  try {
    json = JSON.parse(new TextDecoder().decode(response.body));
  } catch {
    throw tokenError(request, "the token endpoint answered with invalid JSON");
  }
  const record2 = typeof json === "object" && json !== null ? json : {};
  const token = record2["token"] ?? record2["access_token"];
  if (typeof token !== "string" || token === "") {
    throw tokenError(request, "the token endpoint answered without a token");
  }
  const expiresIn = record2["expires_in"];
  const expiresInS = typeof expiresIn === "number" && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_S;
  return { token, expiresInS };
}
function tokenError(request, what, status) {
  const host = endpointHost(request.realm);
  return new RegistryError({
    reason: "token",
    message: `cannot get a pull token from ${host} (${request.scope}): ${what}`,
    url: redactUrl(request.realm),
    ...status === void 0 ? {} : { status }
  });
}
function endpointHost(realm) {
  try {
    return new URL(realm).host;
  } catch {
    return realm;
  }
}

// src/registry/www-authenticate.ts
var TOKEN_RE = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
var TOKEN68_RE = /[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(?:,|$))/y;
var WHITESPACE_RE = /[ \t]*/y;
var PARAM_START_RE = /[ \t]*[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=/y;
var BARE_VALUE_RE = /[^,\s]*/y;
function parseWwwAuthenticate(header) {
  const reader = new HeaderReader(header);
  const challenges = [];
  while (reader.skipSeparators()) {
    const scheme = reader.match(TOKEN_RE);
    if (scheme === void 0) {
      reader.skipPastComma();
      continue;
    }
    challenges.push(readChallenge(reader, scheme.toLowerCase()));
  }
  return challenges;
}
function readChallenge(reader, scheme) {
  reader.match(WHITESPACE_RE);
  const token68 = reader.match(TOKEN68_RE);
  if (token68 !== void 0) return { scheme, params: {}, token68 };
  return { scheme, params: Object.fromEntries(readParams(reader)) };
}
function readParams(reader) {
  const params = /* @__PURE__ */ new Map();
  while (reader.peekParam()) {
    const { name, value } = reader.readParam();
    if (!params.has(name)) params.set(name, value);
    if (!reader.skipToNextParam()) break;
  }
  return params;
}
var HeaderReader = class {
  constructor(text) {
    this.text = text;
  }
  text;
  position = 0;
  /** Skips whitespace and empty list elements; false at the end. */
  skipSeparators() {
    while (this.position < this.text.length && /[\s,]/.test(this.current())) {
      this.position += 1;
    }
    return this.position < this.text.length;
  }
  skipPastComma() {
    const comma = this.text.indexOf(",", this.position);
    this.position = comma < 0 ? this.text.length : comma + 1;
  }
  match(pattern) {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text)?.[0];
    if (found === void 0 || found === "") return void 0;
    this.position = pattern.lastIndex;
    return found;
  }
  /** True when `token BWS "="` follows. */
  peekParam() {
    PARAM_START_RE.lastIndex = this.position;
    return PARAM_START_RE.test(this.text);
  }
  readParam() {
    this.match(WHITESPACE_RE);
    const name = (this.match(TOKEN_RE) ?? "").toLowerCase();
    this.match(/[ \t]*=[ \t]*/y);
    const value = this.current() === '"' ? this.readQuoted() : this.match(BARE_VALUE_RE);
    return { name, value: value ?? "" };
  }
  /**
   * After a value: moves past the next comma (and any garbage before it).
   * True when another parameter follows; otherwise the reader stays just
   * after the comma, where the next challenge starts.
   */
  skipToNextParam() {
    this.skipPastComma();
    const afterComma = this.position;
    this.skipSeparators();
    if (this.peekParam()) return true;
    this.position = afterComma;
    return false;
  }
  /** RFC 7230 §3.2.6 quoted-string; an unterminated one runs to the end. */
  readQuoted() {
    let value = "";
    this.position += 1;
    while (this.position < this.text.length) {
      const char = this.current();
      this.position += 1;
      if (char === '"') return value;
      if (char === "\\" && this.position < this.text.length) {
        value += this.current();
        this.position += 1;
      } else {
        value += char;
      }
    }
    return value;
  }
  current() {
    return this.text.charAt(this.position);
  }
};

// src/registry/challenge.ts
function fromHost(response, host) {
  return redirectedHost(response.url, host) === void 0;
}
function readChallenge2(header) {
  if (header === null) return void 0;
  const challenges = parseWwwAuthenticate(header);
  const bearer = challenges.find(
    (c) => c.scheme === "bearer" && (c.params["realm"] ?? "") !== ""
  );
  if (bearer !== void 0) {
    const realm = bearer.params["realm"] ?? "";
    const service2 = bearer.params["service"];
    const error = bearer.params["error"];
    const scheme = service2 === void 0 || service2 === "" ? { type: "bearer", realm } : { type: "bearer", realm, service: service2 };
    return error === void 0 ? { scheme } : { scheme, error };
  }
  return challenges.some((c) => c.scheme === "basic") ? { scheme: { type: "basic" } } : void 0;
}
function retryPlan(scheme, sent, error) {
  if (sent === void 0) return "authorize";
  if (scheme.type === "basic") return "give-up";
  if (!sent.startsWith("Bearer ")) return "authorize";
  return error === "invalid_token" ? "refresh" : "give-up";
}

// src/registry/auth.ts
var RegistryAuth = class {
  constructor(options) {
    this.options = options;
    this.tokens = new TokenCache(options);
  }
  options;
  schemes = /* @__PURE__ */ new Map();
  discoveries = /* @__PURE__ */ new Map();
  unreachable = /* @__PURE__ */ new Map();
  credentials = /* @__PURE__ */ new Map();
  tokens;
  /** Sends `call`, answering one 401 challenge; other statuses are the caller's. */
  async send(call) {
    const credential = await this.credentialFor(call.registry);
    if (credential?.registryToken !== void 0) {
      return this.sendWith(call, `Bearer ${credential.registryToken}`);
    }
    const known = await this.schemeOrClaim(call.registry);
    if (typeof known === "function")
      return this.discover(call, credential, known);
    return this.sendKnown(call, known, credential);
  }
  async sendKnown(call, scheme, credential) {
    const sent = scheme.type === "basic" && basicAuthorization(credential) === void 0 ? void 0 : await this.authorization(call, scheme, credential, false);
    const response = await this.sendWith(call, sent);
    if (response.status !== 401 || !fromHost(response, call.host))
      return response;
    return this.answerChallenge(call, response, credential, sent);
  }
  /**
   * The registry's known scheme, or, when nobody has asked it yet, a claim
   * on discovering it (a release function). Check and claim happen in one
   * synchronous step so exactly one caller discovers.
   */
  async schemeOrClaim(registry) {
    for (; ; ) {
      const unreachable = this.unreachable.get(registry);
      if (unreachable !== void 0) throw unreachable;
      const known = this.schemes.get(registry);
      if (known !== void 0) return known;
      const discovery = this.discoveries.get(registry);
      if (discovery === void 0) return this.claimDiscovery(registry);
      await discovery;
    }
  }
  claimDiscovery(registry) {
    let release2 = () => void 0;
    this.discoveries.set(
      registry,
      new Promise((resolve) => {
        release2 = resolve;
      })
    );
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.discoveries.delete(registry);
      release2();
    };
  }
  // The first request to a registry is a ping (GET /v2/, distribution-spec
  // end-1) while concurrent callers wait for its answer: the challenge tells
  // which scheme the registry wants, so every manifest request after it goes
  // out authorized and a tag costs exactly one manifest request. A registry
  // that answers the ping without a challenge but protects repositories is
  // still handled by sendKnown's 401 path.
  async discover(call, credential, done) {
    try {
      const ping = await this.sendWith(
        { ...call, method: "GET", path: "/v2/", kind: "ping", headers: {} },
        void 0
      );
      const challenge = ping.status === 401 && fromHost(ping, call.host) ? readChallenge2(ping.headers.get("www-authenticate")) : void 0;
      this.schemes.set(call.registry, challenge?.scheme ?? { type: "none" });
    } catch (error) {
      if (error instanceof RegistryError && error.temporary && error.reason !== "status") {
        this.unreachable.set(call.registry, error);
      }
      throw error;
    } finally {
      done();
    }
    const scheme = this.schemes.get(call.registry) ?? { type: "none" };
    return this.sendKnown(call, scheme, credential);
  }
  async answerChallenge(call, response, credential, sent, learned = () => void 0) {
    const challenge = readChallenge2(response.headers.get("www-authenticate"));
    if (challenge === void 0) return response;
    const { scheme } = challenge;
    this.schemes.set(call.registry, scheme);
    learned();
    const retry = retryPlan(scheme, sent, challenge.error);
    if (retry === "give-up") return response;
    const authorization = await this.authorization(
      call,
      scheme,
      credential,
      retry === "refresh"
    );
    if (authorization === void 0) return response;
    return this.sendWith(call, authorization);
  }
  async authorization(call, scheme, credential, refresh) {
    if (scheme.type === "none") return void 0;
    if (scheme.type === "basic") {
      const basic = basicAuthorization(credential);
      if (basic === void 0) {
        throw new RegistryError({
          reason: "no-credentials",
          message: `${call.registry} requires a login (Basic) and no credentials are configured for it`
        });
      }
      this.options.logger.secret(basic);
      return basic;
    }
    const token = await this.tokens.token(
      {
        registry: call.registry,
        realm: scheme.realm,
        ...scheme.service === void 0 ? {} : { service: scheme.service },
        // Our own scope, never the challenge's (ECR Public sends scope="aws").
        scope: `repository:${call.repository}:pull`,
        ...credential === void 0 ? {} : { credential }
      },
      refresh
    );
    return `Bearer ${token}`;
  }
  async sendWith(call, authorization) {
    const headers = { ...call.headers };
    if (authorization !== void 0) headers["Authorization"] = authorization;
    return this.options.http.toRegistry(call.host, call.path, {
      method: call.method,
      kind: call.kind,
      registry: call.registry,
      headers,
      ...call.maxBodyBytes === void 0 ? {} : { maxBodyBytes: call.maxBodyBytes }
    });
  }
  /** Once per registry; a failing credential helper fails its images clearly. */
  async credentialFor(registry) {
    let pending = this.credentials.get(registry);
    if (pending === void 0) {
      pending = this.options.credentials.get(registry).then(
        (credential) => {
          this.maskCredential(credential);
          return credential;
        },
        (error) => {
          const text = error instanceof Error ? error.message : String(error);
          throw new RegistryError({
            reason: "no-credentials",
            message: `cannot read the credentials for ${registry}: ${text}`,
            cause: error
          });
        }
      );
      this.credentials.set(registry, pending);
    }
    return pending;
  }
  maskCredential(credential) {
    const secrets = [
      credential?.password,
      credential?.identityToken,
      credential?.registryToken
    ];
    for (const secret of secrets) {
      if (secret !== void 0 && secret !== "")
        this.options.logger.secret(secret);
    }
  }
};

// src/registry/failures.ts
function imageName(image) {
  return `${image.registry}/${image.repository}:${image.tag}`;
}
function toRegistryFailure(error, image) {
  if (!(error instanceof RegistryError)) {
    const text = error instanceof Error ? error.message : String(error);
    return failure2("INVALID_RESPONSE", image, `unexpected error: ${text}`, {
      hint: "This is likely a Freshbase bug; please report it with the log."
    });
  }
  if (error.reason === "status") return statusFailure(error, image);
  return reasonFailure(error, image);
}
function reasonFailure(error, image) {
  const { registry } = image;
  switch (error.reason) {
    case "timeout":
      return failure2("TIMEOUT", image, `${registry} did not answer in time`, {
        hint: `The registry is unreachable or slow. Check network access to ${registry} and retry later.`
      });
    case "network":
      return failure2("NETWORK", image, `${registry} is unreachable`, {
        detail: error.message,
        hint: `Check the registry host name, network access and TLS setup for ${registry}; a plain-HTTP registry must be listed as insecure.`
      });
    case "interrupted":
      return failure2(
        "NETWORK",
        image,
        `${registry} closed the connection in the middle of an answer`,
        {
          detail: error.message,
          hint: `The registry, or a proxy between here and ${registry}, cut the answer short; retry later. If it keeps happening, check proxies and firewalls on the way.`
        }
      );
    case "token":
      return tokenFailure(error, image);
    case "no-credentials":
      return failure2("UNAUTHORIZED", image, error.message, {
        status: 401,
        hint: credentialHint(registry)
      });
    case "unsupported":
      return failure2("UNSUPPORTED", image, error.message, {
        hint: "Push a v2 / OCI manifest or index for this tag, or pin it by hand."
      });
    default:
      return failure2("INVALID_RESPONSE", image, error.message, {
        hint: `The registry ${registry} sent something Freshbase cannot trust; retry later or report it to the registry operator.`
      });
  }
}
function tokenFailure(error, image) {
  const status = error.status;
  if (status === 401 || status === 403) {
    return failure2("UNAUTHORIZED", image, error.message, {
      status,
      hint: credentialHint(image.registry)
    });
  }
  if (status !== void 0 && (status === 429 || status >= 500)) {
    return failure2("UNAVAILABLE", image, error.message, {
      status,
      hint: "The token endpoint is failing or rate limiting; retry later."
    });
  }
  return failure2("INVALID_RESPONSE", image, error.message, {
    ...status === void 0 ? {} : { status },
    hint: "The token endpoint answered something unusable; retry later or report it to the registry operator."
  });
}
function statusFailure(error, image) {
  const status = error.status ?? 0;
  const options = { status, detail: error.message };
  if (status === 401 || status === 403)
    return accessFailure(error, image, status, options);
  if (status === 404) return notFoundFailure(error, image, options);
  if (status === 429 || error.code === "TOOMANYREQUESTS") {
    const after = error.retryAfter === void 0 ? "" : ` (Retry-After: ${error.retryAfter})`;
    return failure2(
      "TOO_MANY_REQUESTS",
      image,
      `${image.registry} rate limited the request${after}`,
      {
        ...options,
        hint: `Authenticate to ${image.registry} to raise the limit, or retry later.`
      }
    );
  }
  if (status >= 500) {
    return failure2(
      "UNAVAILABLE",
      image,
      `${image.registry} failed with ${status}`,
      {
        ...options,
        hint: "The registry is having trouble; retry later."
      }
    );
  }
  return otherStatusFailure(error, image, options);
}
function accessFailure(error, image, status, options) {
  const code = status === 401 ? "UNAUTHORIZED" : "DENIED";
  if (error.redirectedTo !== void 0) {
    return failure2(
      code,
      image,
      `${image.registry} redirected to ${error.redirectedTo}, which refused access (${status}); credentials are never sent to another host`,
      {
        ...options,
        hint: `The registry hands this request to another host that wants credentials. Ask the operator of ${image.registry} to serve it without that redirect, or pin the image by hand.`
      }
    );
  }
  const label = error.code === void 0 ? "" : ` ${error.code}`;
  return failure2(
    code,
    image,
    `${image.registry} refused access (${status}${label}); the repository may be private or may not exist`,
    { ...options, hint: credentialHint(image.registry) }
  );
}
function notFoundFailure(error, image, options) {
  const name = `${image.registry}/${image.repository}`;
  if (error.code === "NAME_UNKNOWN") {
    return failure2("NOT_FOUND", image, `repository ${name} does not exist`, {
      ...options,
      hint: "Check the image name (registry, namespace and repository spelling)."
    });
  }
  return failure2(
    "NOT_FOUND",
    image,
    `tag "${image.tag}" does not exist in ${name}`,
    {
      ...options,
      hint: "Check the tag spelling; the tag may have been deleted or renamed upstream."
    }
  );
}
function otherStatusFailure(error, image, options) {
  const { status } = options;
  const label = error.code === void 0 ? "" : ` ${error.code}`;
  if (status === 405 || error.code === "UNSUPPORTED") {
    return failure2(
      "UNSUPPORTED",
      image,
      `${image.registry} does not support this request (${status})`,
      {
        ...options,
        hint: "The registry does not implement the OCI distribution API for this operation."
      }
    );
  }
  return failure2(
    "INVALID_RESPONSE",
    image,
    `unexpected answer ${status}${label}`,
    {
      ...options,
      hint: `Check the image reference; if it is right, report the answer of ${image.registry}.`
    }
  );
}
function credentialHint(registry) {
  const login = registry === "docker.io" ? "docker login" : `docker login ${registry}`;
  return `Check the credentials for ${registry} (run \`${login}\`, check the Docker config file, or set the docker-config option), or make sure the image is public.`;
}
function failure2(code, image, what, options) {
  const detail = options.detail === void 0 || options.detail === what ? "" : ` (${options.detail})`;
  const text = `cannot resolve ${imageName(image)}: ${what}${detail}`;
  return {
    code,
    ...options.status === void 0 ? {} : { status: options.status },
    // A full stop, so "message hint" (CLI row, annotation) reads as two sentences.
    message: /[.!?]$/.test(text) ? text : `${text}.`,
    hint: options.hint
  };
}

// src/registry/repository-reader.ts
import { createHash as createHash2 } from "node:crypto";

// src/registry/manifest.ts
var MEDIA_TYPES = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerV1: "application/vnd.docker.distribution.manifest.v1+json",
  dockerV1Signed: "application/vnd.docker.distribution.manifest.v1+prettyjws"
};
var MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest
].join(", ");
function manifestKind(mediaType) {
  switch (mediaType) {
    case MEDIA_TYPES.ociIndex:
    case MEDIA_TYPES.dockerList:
      return "index";
    case MEDIA_TYPES.ociManifest:
    case MEDIA_TYPES.dockerManifest:
      return "manifest";
    case MEDIA_TYPES.dockerV1:
    case MEDIA_TYPES.dockerV1Signed:
      return "legacy";
    default:
      return "unknown";
  }
}
function mediaTypeOf(contentType) {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
var CREATED = "org.opencontainers.image.created";
var REFERENCE_TYPE2 = "vnd.docker.reference.type";
function parseIndex(body) {
  const json = parseJson(body, "index");
  const entries = json["manifests"];
  if (!Array.isArray(entries))
    throw invalid("index without a manifests[] array");
  const manifests = [];
  for (const entry of entries) {
    const manifest = platformManifest(entry);
    if (manifest !== void 0) manifests.push(manifest);
  }
  const created = annotation(json, CREATED);
  return created === void 0 ? { manifests } : { manifests, created };
}
function platformManifest(entry) {
  if (!isRecord4(entry)) throw invalid("index entry is not an object");
  const digest = parseDigest(stringField2(entry, "digest") ?? "");
  if (digest === void 0) throw invalid("index entry without a valid digest");
  const platform = platformObject(entry["platform"]);
  if (platform === void 0) return void 0;
  if (annotation(entry, REFERENCE_TYPE2) === "attestation-manifest")
    return void 0;
  if (platform.os === "unknown" && platform.architecture === "unknown")
    return void 0;
  return { platform, digest, mediaType: stringField2(entry, "mediaType") ?? "" };
}
function declaredMediaType(body) {
  return stringField2(parseJson(body, "manifest"), "mediaType");
}
function parseImageManifest(body) {
  const json = parseJson(body, "manifest");
  const config = json["config"];
  const digest = parseDigest(
    isRecord4(config) ? stringField2(config, "digest") ?? "" : ""
  );
  if (digest === void 0)
    throw invalid("image manifest without a valid config digest");
  const created = annotation(json, CREATED);
  return created === void 0 ? { configDigest: digest } : { configDigest: digest, created };
}
function parseImageConfig(body) {
  const platform = platformObject(parseJson(body, "image config"));
  if (platform === void 0)
    throw invalid("image config without os/architecture");
  return platform;
}
function matchPlatform(manifests, wanted) {
  return findPlatform(manifests, wanted);
}
function annotation(record2, name) {
  const annotations = record2["annotations"];
  return isRecord4(annotations) ? stringField2(annotations, name) : void 0;
}
function parseJson(body, what) {
  let json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw invalid(`${what} is not valid JSON`);
  }
  if (!isRecord4(json)) throw invalid(`${what} is not a JSON object`);
  return json;
}
function stringField2(record2, name) {
  const value = record2[name];
  return typeof value === "string" ? value : void 0;
}
function isRecord4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function invalid(what) {
  return new RegistryError({ reason: "invalid-response", message: what });
}

// src/registry/repository-reader.ts
var RepositoryReader = class {
  constructor(auth, target) {
    this.auth = auth;
    this.target = target;
  }
  auth;
  target;
  /**
   * HEAD, falling back to GET when the digest header is missing or invalid,
   * the media type is not one we know, or (with `errorBody`) a 4xx needs its
   * body to tell MANIFEST_UNKNOWN from NAME_UNKNOWN.
   */
  async head(reference, errorBody) {
    const response = await this.manifestCall("HEAD", reference);
    if (!isOk(response)) {
      if (errorBody && wantsErrorBody(response.status))
        return this.get(reference);
      throw this.failure("HEAD", response);
    }
    const mediaType = mediaTypeOf(response.headers.get("content-type"));
    const kind = manifestKind(mediaType);
    if (kind === "legacy") throw legacyManifest();
    const digest = parseDigest(
      response.headers.get("docker-content-digest") ?? ""
    );
    const byDigest = parseDigest(reference);
    if (kind === "unknown" || digest === void 0) return this.get(reference);
    if (byDigest !== void 0 && digest !== byDigest)
      return this.get(reference);
    return { digest, mediaType, kind, headers: response.headers, warnings: [] };
  }
  /** GET and hash the exact bytes; by digest, the bytes must hash to it. */
  async get(reference) {
    const response = await this.manifestCall("GET", reference);
    if (!isOk(response)) throw this.failure("GET", response);
    const body = response.body;
    const byDigest = parseDigest(reference);
    const digest = contentDigest(body, algorithmOf(byDigest) ?? "sha256");
    if (byDigest !== void 0 && digest !== byDigest) {
      throw mismatch(`manifest ${byDigest}`, digest);
    }
    const { mediaType, kind } = checkedMediaType(response, body);
    return {
      digest,
      mediaType,
      kind,
      body,
      headers: response.headers,
      warnings: headerWarnings(response, body, digest)
    };
  }
  /**
   * Whether the repository exists, from `GET /v2/<name>/tags/list?n=1`:
   * Distribution answers MANIFEST_UNKNOWN for a tag of a missing repository,
   * and NAME_UNKNOWN only here. undefined when the answer says neither.
   */
  async repositoryExists() {
    const response = await this.call("GET", "tags/list?n=1", "tags-list", {});
    if (isOk(response)) return true;
    const error = this.failure("GET", response);
    return error.code === "NAME_UNKNOWN" ? false : void 0;
  }
  /**
   * A blob by digest (blobs may redirect to storage; http.ts follows). At
   * most `maxBytes` (default: the manifest cap): a larger declared
   * Content-Length, or a body that runs past it, fails with reason
   * 'too-large' while streaming, never holding more than the cap.
   */
  async blob(digest, maxBytes = MANIFEST_BODY_LIMIT) {
    const response = await this.call(
      "GET",
      `blobs/${digest}`,
      "blob-get",
      {},
      maxBytes
    );
    if (!isOk(response)) throw this.failure("GET", response);
    const actual = contentDigest(response.body, algorithmOf(digest) ?? "sha256");
    if (actual !== digest) throw mismatch(`blob ${digest}`, actual);
    return response.body;
  }
  failure(method, response) {
    return errorFromResponse(method, response.url, response, this.target.host);
  }
  async manifestCall(method, reference) {
    const kind = method === "HEAD" ? "manifest-head" : "manifest-get";
    return this.call(method, `manifests/${reference}`, kind, {
      Accept: MANIFEST_ACCEPT
    });
  }
  async call(method, resource, kind, headers, maxBodyBytes = MANIFEST_BODY_LIMIT) {
    const { registry, host, repository } = this.target;
    return this.auth.send({
      registry,
      host,
      repository,
      method,
      path: `/v2/${repository}/${resource}`,
      kind,
      headers,
      maxBodyBytes
    });
  }
};
function isOk(response) {
  return response.status >= 200 && response.status < 300;
}
function wantsErrorBody(status) {
  return status >= 400 && status < 500 && ![401, 403, 429].includes(status);
}
function algorithmOf(digest) {
  if (digest === void 0) return void 0;
  return digest.startsWith("sha512:") ? "sha512" : "sha256";
}
function contentDigest(bytes, algorithm2) {
  const hex = createHash2(algorithm2).update(bytes).digest("hex");
  return `${algorithm2}:${hex}`;
}
function headerWarnings(response, body, digest) {
  const header = response.headers.get("docker-content-digest");
  if (header === null) return [];
  const claimed = parseDigest(header);
  const algorithm2 = algorithmOf(claimed);
  const ours = algorithm2 === algorithmOf(digest) ? digest : void 0;
  const actual = ours ?? (algorithm2 === void 0 ? void 0 : contentDigest(body, algorithm2));
  if (claimed !== void 0 && claimed === actual) return [];
  return [
    `${response.url}: Docker-Content-Digest "${header}" does not match the content; using the content's digest ${digest}`
  ];
}
function checkedMediaType(response, body) {
  const fromHeader = mediaTypeOf(response.headers.get("content-type"));
  const headerKind = manifestKind(fromHeader);
  if (headerKind === "legacy") throw legacyManifest();
  const declared = declaredOrUndefined(body, headerKind === "unknown");
  if (headerKind === "unknown") {
    const kind = manifestKind(declared ?? "");
    if (kind === "legacy") throw legacyManifest();
    if (kind === "unknown" || declared === void 0)
      throw unsupported2(fromHeader);
    return { mediaType: declared, kind };
  }
  if (declared !== void 0 && declared !== fromHeader) {
    throw new RegistryError({
      reason: "invalid-response",
      message: `${response.url}: Content-Type ${fromHeader} but the manifest declares ${declared}`
    });
  }
  return { mediaType: fromHeader, kind: headerKind };
}
function declaredOrUndefined(body, lenient) {
  try {
    return declaredMediaType(body);
  } catch (error) {
    if (lenient) return void 0;
    throw error;
  }
}
function legacyManifest() {
  return new RegistryError({
    reason: "unsupported",
    message: "legacy schema 1 manifest, not supported; push a v2/OCI manifest"
  });
}
function unsupported2(mediaType) {
  const shown = mediaType === "" ? "no media type" : `media type "${mediaType}"`;
  return new RegistryError({
    reason: "unsupported",
    message: `the manifest has ${shown}, which is not an image index or image manifest`
  });
}
function mismatch(what, actual) {
  return new RegistryError({
    reason: "invalid-response",
    message: `${what}: the content hashes to ${actual}; the registry served different bytes`
  });
}

// src/registry/content-reader.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API_HOST = "registry-1.docker.io";
function repositoryTarget(image) {
  const host = image.registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : image.registry;
  return { registry: image.registry, host, repository: image.repository };
}
var ContentReadError = class extends Error {
  constructor(message, code, options) {
    super(message, options);
    this.code = code;
  }
  code;
  name = "ContentReadError";
};
var RegistryContentReader = class {
  constructor(auth) {
    this.auth = auth;
  }
  auth;
  manifests = /* @__PURE__ */ new Map();
  blobs = /* @__PURE__ */ new Map();
  /** GET by digest, hashed; an index or an image manifest (attestations are image manifests). */
  async manifest(image, digest) {
    const key = cacheKey2(image, digest);
    const cached = this.manifests.get(key);
    if (cached !== void 0) return cached;
    const pending = this.reader(image).get(digest).then(
      (read) => ({ mediaType: read.mediaType, body: read.body }),
      (error) => {
        throw readError(error, image, digest, "manifest");
      }
    );
    this.manifests.set(key, pending);
    return pending;
  }
  /** GET by digest, streamed: at most maxBytes, hashed. */
  async blob(image, digest, maxBytes) {
    const key = cacheKey2(image, digest);
    const cached = this.blobs.get(key);
    if (cached !== void 0) {
      const bytes = await cached;
      if (bytes.byteLength > maxBytes) throw tooLarge(image, digest, maxBytes);
      return bytes;
    }
    const pending = this.reader(image).blob(digest, maxBytes).catch((error) => {
      if (error instanceof RegistryError && error.reason === "too-large")
        this.blobs.delete(key);
      throw readError(error, image, digest, "blob", maxBytes);
    });
    this.blobs.set(key, pending);
    return pending;
  }
  /**
   * A manifest resolving already read (hashed): the evidence does not ask
   * for it again (issue 9 "Costs": the old and the new index of a moved tag
   * are read once per run).
   */
  remember(image, read) {
    const key = cacheKey2(image, read.digest);
    if (this.manifests.has(key)) return;
    const { mediaType, body } = read;
    this.manifests.set(key, Promise.resolve({ mediaType, body }));
  }
  reader(image) {
    return new RepositoryReader(this.auth, repositoryTarget(image));
  }
};
var SharingRepositoryReader = class extends RepositoryReader {
  constructor(auth, target, content) {
    super(auth, target);
    this.content = content;
  }
  content;
  async get(reference) {
    const read = await super.get(reference);
    this.content.remember(this.target, read);
    return read;
  }
};
function cacheKey2(image, digest) {
  return `${image.registry}/${image.repository}@${digest}`;
}
function readError(error, image, digest, what, maxBytes) {
  const name = cacheKey2(image, digest);
  if (!(error instanceof RegistryError)) {
    const text = error instanceof Error ? error.message : String(error);
    return new ContentReadError(
      `cannot read ${what} ${name}: ${text}`,
      "INVALID_RESPONSE",
      { cause: error }
    );
  }
  if (error.reason === "too-large" && maxBytes !== void 0)
    return tooLarge(image, digest, maxBytes, error);
  if (error.reason === "status" && error.status === 404)
    return notFound(error, name, what);
  const context = { ...image, tag: digest };
  const failure3 = toRegistryFailure(error, context);
  const message = failure3.message.replace(
    `cannot resolve ${imageName(context)}`,
    `cannot read ${what} ${name}`
  );
  return new ContentReadError(`${message} ${failure3.hint}`, failure3.code, {
    cause: error
  });
}
function notFound(error, name, what) {
  const label = error.code === void 0 ? "" : ` ${error.code}`;
  return new ContentReadError(
    `cannot read ${what} ${name}: the registry answered 404${label}; the publisher deleted it or never pushed it, so this part of the evidence is left out.`,
    "NOT_FOUND",
    { cause: error }
  );
}
function tooLarge(image, digest, maxBytes, cause) {
  return new ContentReadError(
    `SBOM larger than ${mib(maxBytes)} MiB; ${cacheKey2(image, digest)} was not read (attestation blobs are capped to bound memory and time; the package delta is left out for it).`,
    "UNSUPPORTED",
    cause === void 0 ? void 0 : { cause }
  );
}
function mib(bytes) {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

// src/registry/http-response.ts
var ERROR_BODY_LIMIT = 64 * 1024;
async function readResponse(response, method, url, maxBodyBytes = MANIFEST_BODY_LIMIT) {
  const redacted = redactUrl(url.href);
  const ok = response.status >= 200 && response.status < 300;
  const limit = ok ? maxBodyBytes : ERROR_BODY_LIMIT;
  const what = `${method} ${redacted}`;
  const body = method === "HEAD" ? await readCapped2(response, 0, false, what).then(() => new Uint8Array()) : await readCapped2(response, limit, ok, what).catch((error) => {
    throw interrupted(error, what);
  });
  return {
    status: response.status,
    headers: response.headers,
    body,
    url: redacted
  };
}
async function readCapped2(response, limit, strict, what) {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (strict && declared > limit) {
    response.discard();
    throw tooLarge2(what, limit);
  }
  const chunks = [];
  let total = 0;
  for await (const value of response.chunks()) {
    total += value.byteLength;
    chunks.push(value);
    if (total > limit) {
      response.discard();
      if (strict) throw tooLarge2(what, limit);
      break;
    }
  }
  return concat(chunks, Math.min(total, limit));
}
function interrupted(error, what) {
  if (error instanceof RegistryError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return error;
  return new RegistryError({
    reason: "interrupted",
    message: `${what}: the body was cut short (${networkDetail(error)})`,
    cause: error
  });
}
function tooLarge2(what, limit) {
  return new RegistryError({
    reason: "too-large",
    message: `${what}: body larger than ${limit} bytes`
  });
}
function concat(chunks, length) {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    const part2 = chunk.subarray(0, length - offset);
    out.set(part2, offset);
    offset += part2.byteLength;
    if (offset >= length) break;
  }
  return out;
}
function asRegistryError(error, method, url) {
  if (error instanceof RegistryError) return error;
  const redacted = redactUrl(url);
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new RegistryError({
      reason: "timeout",
      message: `${method} ${redacted}: timed out`,
      method,
      url: redacted,
      cause: error
    });
  }
  return new RegistryError({
    reason: "network",
    message: `${method} ${redacted}: ${networkDetail(error)}`,
    method,
    url: redacted,
    cause: error
  });
}
function networkDetail(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof AggregateError) {
    const first = cause.errors[0];
    if (first instanceof Error) return first.message;
  }
  if (cause instanceof Error) return cause.message;
  return error.message;
}

// src/registry/host-health.ts
var HostHealth = class {
  constructor(limit, timeoutMs) {
    this.limit = limit;
    this.timeoutMs = timeoutMs;
  }
  limit;
  timeoutMs;
  hosts = /* @__PURE__ */ new Map();
  slots(host) {
    return this.state(host).slots;
  }
  answered(host) {
    const state = this.state(host);
    state.lastAnswer = performance.now();
    delete state.silence;
  }
  /** A request to `host` timed out for good. */
  timedOut(host) {
    const state = this.state(host);
    const now = performance.now();
    if (now - state.lastAnswer < this.timeoutMs) return;
    state.silence = {
      since: now,
      error: new RegistryError({
        reason: "timeout",
        message: `${host} answered nothing for ${Math.round(this.timeoutMs / 1e3)} s and a request to it timed out twice; not asked again in this run`
      })
    };
  }
  /** The error to fail a request with at once when the host is silent. */
  silent(host) {
    return this.state(host).silence?.error;
  }
  state(host) {
    let state = this.hosts.get(host);
    if (state === void 0) {
      state = { slots: new Slots(this.limit), lastAnswer: performance.now() };
      this.hosts.set(host, state);
    }
    return state;
  }
};

// src/registry/transport.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var agents = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true })
};
var nodeTransport = async (request) => {
  const { url, signal } = request;
  signal.throwIfAborted();
  const secure = url.protocol === "https:";
  const send = secure ? httpsRequest : httpRequest;
  const headers = { ...request.headers };
  if (request.body !== void 0)
    headers["Content-Length"] = String(Buffer.byteLength(request.body));
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: request.method,
      agent: secure ? agents.https : agents.http,
      headers,
      signal
    });
    req.once("response", (res) => {
      resolve(nodeAnswer(res, signal));
    });
    req.once("error", (error) => reject(abortReason(signal) ?? error));
    req.end(request.body);
  });
};
function nodeAnswer(res, signal) {
  res.on("error", () => void 0);
  return {
    status: res.statusCode ?? 0,
    headers: nodeHeaders(res.headers),
    chunks: () => bodyOf(res, signal),
    discard: () => {
      res.resume();
    }
  };
}
async function* bodyOf(res, signal) {
  try {
    for await (const chunk of res) yield chunk;
  } catch (error) {
    throw abortReason(signal) ?? error;
  }
  if (!res.complete) throw abortReason(signal) ?? new Error("aborted");
}
function nodeHeaders(headers) {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()];
      if (value === void 0) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    }
  };
}
function abortReason(signal) {
  if (!signal.aborted) return void 0;
  const reason = signal.reason;
  return reason instanceof Error ? reason : new DOMException("This operation was aborted", "AbortError");
}
function fetchTransport(fetchImpl) {
  return async (request) => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: "manual",
      signal: request.signal,
      ...request.body === void 0 ? {} : { body: request.body }
    });
    return {
      status: response.status,
      headers: response.headers,
      chunks: async function* () {
        if (response.body === null) return;
        const reader = response.body.getReader();
        for (; ; ) {
          const next = await reader.read();
          if (next.done) return;
          yield next.value;
        }
      },
      discard: () => {
        void response.body?.cancel().catch(() => void 0);
      }
    };
  };
}

// src/registry/http.ts
var MAX_REDIRECTS = 5;
var RegistryHttp = class {
  constructor(options) {
    this.options = options;
    this.health = new HostHealth(
      options.maxInFlight ?? Number.POSITIVE_INFINITY,
      options.timeoutMs
    );
    this.transport = options.fetch === void 0 ? nodeTransport : fetchTransport(options.fetch);
  }
  options;
  schemes = /* @__PURE__ */ new Map();
  probes = /* @__PURE__ */ new Map();
  health;
  transport;
  /** True when `host` may be spoken to over plain HTTP (loopback or listed insecure). */
  allowsPlainHttp(host) {
    return allowsPlainHttp(host, this.options.insecureRegistries ?? []);
  }
  /** A request to the registry API at `host` (host[:port]); picks the scheme. */
  async toRegistry(host, path3, request) {
    const known = this.schemes.get(host);
    if (known !== void 0)
      return this.send(`${known}://${host}${path3}`, request);
    if (!this.allowsPlainHttp(host))
      return this.send(`https://${host}${path3}`, request);
    const probing = this.probes.get(host);
    if (probing !== void 0) {
      await probing;
      return this.toRegistry(host, path3, request);
    }
    const probe = this.probeScheme(host, path3, request);
    this.probes.set(
      host,
      probe.then(
        () => void 0,
        () => void 0
      )
    );
    try {
      return await probe;
    } finally {
      this.probes.delete(host);
    }
  }
  /** A request to an absolute URL (token realm). */
  async toUrl(url, request) {
    return this.send(url, request);
  }
  // Loopback / insecure: HTTPS first, plain HTTP after a TLS or connection
  // error, remembered per host for the run (containerd does the same for
  // localhost, FACTS.md §1.3). Concurrent callers wait for the first answer.
  async probeScheme(host, path3, request) {
    try {
      const response = await this.send(`https://${host}${path3}`, request, true);
      this.schemes.set(host, "https");
      return response;
    } catch (error) {
      if (!(error instanceof RegistryError) || error.reason !== "network") {
        throw error;
      }
      this.options.logger?.debug(
        `${host}: HTTPS failed (${error.message}); using plain HTTP for this run`
      );
      this.schemes.set(host, "http");
      return this.send(`http://${host}${path3}`, request);
    }
  }
  async send(url, request, probe = false) {
    const host = new URL(url).host;
    return this.health.slots(host).run(async () => this.sendHolding(url, host, request, probe));
  }
  // The slot is held through back-off and retries: a struggling registry
  // gets no more requests at once, and a retry does not queue behind new
  // requests, so one image's time stays bounded (issue 8: a timed-out
  // request is retried once; about twice the per-request timeout in all).
  async sendHolding(url, host, request, probe) {
    let timeouts = 0;
    for (let attempt = 0; ; attempt++) {
      const silent = this.health.silent(host);
      if (silent !== void 0) throw silent;
      let response;
      try {
        response = await this.attempt(url, request);
        this.health.answered(host);
        this.count(request.kind, request.registry);
      } catch (error) {
        const failure3 = asRegistryError(error, request.method, url);
        this.count(
          probe && failure3.reason === "network" ? "ping" : request.kind,
          request.registry
        );
        if (failure3.reason === "timeout") timeouts++;
        const last = probe || !failure3.temporary || attempt >= this.options.retries || timeouts > 1;
        if (last && failure3.reason === "timeout") this.health.timedOut(host);
        if (last) throw failure3;
        await this.pause(this.backoff(attempt));
        continue;
      }
      if (!isRetryableStatus(response.status) || attempt >= this.options.retries) {
        return response;
      }
      const wait = this.retryWait(response, attempt);
      if (wait === void 0) return response;
      this.options.logger?.debug(
        `${request.method} ${response.url}: ${response.status}, retrying in ${wait} ms`
      );
      await this.pause(wait);
    }
  }
  /** undefined: the server asked for a longer wait than we accept. */
  retryWait(response, attempt) {
    const now = this.options.now?.() ?? Date.now();
    const asked = parseRetryAfter(response.headers.get("retry-after"), now);
    if (asked === void 0) return this.backoff(attempt);
    const cap = this.options.maxRetryAfterMs ?? 6e4;
    return asked > cap ? void 0 : asked;
  }
  backoff(attempt) {
    return backoffDelay(attempt, this.options.random?.() ?? Math.random());
  }
  async pause(ms) {
    const sleep = this.options.sleep ?? defaultSleep;
    await sleep(ms);
  }
  count(kind, registry) {
    this.options.counter?.count(kind, registry);
  }
  // One attempt: redirects followed by hand so Authorization never leaves its
  // origin (distribution-spec main, "API": MUST NOT forward it across hosts).
  async attempt(url, request) {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let current = new URL(url);
    let headers = { ...request.headers };
    let method = request.method;
    let body = request.body;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const answer = await this.transport({
        url: current,
        method,
        headers,
        signal,
        ...body === void 0 ? {} : { body }
      });
      const location = answer.headers.get("location");
      if (!isRedirect(answer.status) || location === null) {
        return readResponse(answer, method, current, request.maxBodyBytes);
      }
      answer.discard();
      const next = new URL(location, current);
      if (next.origin !== current.origin)
        headers = withoutAuthorization(headers);
      if (answer.status === 303 || method === "POST" && answer.status < 303) {
        method = "GET";
        body = void 0;
      }
      current = next;
    }
    throw new RegistryError({
      reason: "invalid-response",
      message: `${request.method} ${redactUrl(url)}: more than ${MAX_REDIRECTS} redirects`,
      method: request.method,
      url: redactUrl(url)
    });
  }
};
function isRedirect(status) {
  return [301, 302, 303, 307, 308].includes(status);
}
function withoutAuthorization(headers) {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => name.toLowerCase() !== "authorization"
    )
  );
}
async function defaultSleep(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

// src/registry/platform-pins.ts
async function mapPlatformPins(input) {
  const pins = {};
  const warnings = [];
  const olds = [...new Set(input.currentDigests)].filter(
    (d) => d !== input.newDigest
  );
  for (const old of olds) {
    const target = await pinTarget(old, input);
    if (target.kind === "pin") pins[old] = target.digest;
    if (target.kind === "warn") warnings.push(target.message);
  }
  return { pins, warnings };
}
async function pinTarget(old, input) {
  if (isEntry(input.knownIndex(), old)) return { kind: "pin", digest: old };
  const manifest = await unlessGone(
    input.readOld?.(old) ?? input.reader.get(old)
  );
  if (manifest === void 0 || manifest.kind === "index")
    return { kind: "skip" };
  const index = await input.readIndex();
  if (isEntry(index, old)) return { kind: "pin", digest: old };
  const { configDigest } = parseImageManifest(manifest.body);
  const platform = parseImageConfig(await input.reader.blob(configDigest));
  const match = matchPlatform(index.manifests, platform);
  if (match !== void 0) return { kind: "pin", digest: match.digest };
  return {
    kind: "warn",
    message: `${old} is a ${formatPlatform(platform)} manifest, but the new index ${input.newDigest} has no ${formatPlatform(platform)} entry`
  };
}
function isEntry(index, digest) {
  return index?.manifests.some((m) => m.digest === digest) ?? false;
}
async function unlessGone(pending) {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return void 0;
    throw error;
  }
}

// src/registry/tag-look.ts
function lookOf(fetched) {
  const body = fetched.body;
  const index = fetched.kind === "index" && body !== void 0 ? parseIndex(body) : void 0;
  const created = index?.created ?? (fetched.kind === "manifest" && body !== void 0 ? parseImageManifest(body).created : void 0);
  return {
    digest: mustDigest(fetched.digest),
    mediaType: fetched.mediaType,
    kind: fetched.kind,
    verified: body !== void 0,
    ...optional("index", index),
    ...optional("created", created),
    ...optional(
      "rateLimit",
      fetched.headers.get("ratelimit-remaining") ?? void 0
    ),
    warnings: fetched.warnings,
    platformPins: {}
  };
}
function lookOfResolved(earlier) {
  const kind = manifestKind(earlier.mediaType) === "index" ? "index" : "manifest";
  const manifests = earlier.manifests;
  return {
    digest: earlier.digest,
    mediaType: earlier.mediaType,
    kind,
    verified: earlier.verified === true,
    ...optional(
      "index",
      manifests === void 0 ? void 0 : { manifests, ...optional("created", earlier.created) }
    ),
    ...optional("created", earlier.created),
    ...optional("rateLimit", earlier.rateLimitRemaining),
    warnings: earlier.warnings ?? [],
    platformPins: earlier.platformPins ?? {},
    ...optional("previousManifests", earlier.previousManifests)
  };
}
async function verified(reader, look) {
  if (look.verified) return look;
  const read = lookOf(await reader.get(look.digest));
  if (read.kind !== look.kind) {
    throw new RegistryError({
      reason: "invalid-response",
      message: `${look.digest} was ${look.kind === "index" ? "an index" : "an image manifest"} on HEAD but not on GET`
    });
  }
  return {
    ...read,
    warnings: [...look.warnings, ...read.warnings],
    ...optional("rateLimit", look.rateLimit ?? read.rateLimit),
    platformPins: look.platformPins,
    ...optional("previousManifests", look.previousManifests)
  };
}
function mustDigest(text) {
  const digest = parseDigest(text);
  if (digest === void 0) {
    throw new RegistryError({
      reason: "invalid-response",
      message: `invalid digest ${text}`
    });
  }
  return digest;
}
function optional(name, value) {
  return value === void 0 ? {} : { [name]: value };
}

// src/registry/client.ts
var RegistryClient = class {
  constructor(options) {
    this.options = options;
    const http = new RegistryHttp({
      maxInFlight: Math.max(1, options.concurrency ?? 8),
      timeoutMs: options.timeoutMs ?? 3e4,
      retries: options.retries ?? 3,
      insecureRegistries: options.insecureRegistries,
      logger: options.logger,
      ...optional2("counter", options.counter),
      ...optional2("fetch", options.fetch),
      ...optional2("sleep", options.sleep),
      ...optional2("maxRetryAfterMs", options.maxRetryAfterMs)
    });
    this.auth = new RegistryAuth({
      http,
      credentials: options.credentials,
      logger: options.logger
    });
  }
  options;
  auth;
  warned = /* @__PURE__ */ new Set();
  content;
  /**
   * Content by digest for the evidence (issue 9): the same request slots,
   * tokens and counters as resolving; one cache for the client's run.
   */
  contentReader() {
    this.content ??= new RegistryContentReader(this.auth);
    return this.content;
  }
  /** Every request at once: the request slots per registry bound the wire. */
  async resolveAll(requests) {
    return Promise.all(requests.map(async (request) => this.resolve(request)));
  }
  /** Never rejects: a failure is a Resolution naming the image. */
  async resolve(request) {
    try {
      const result = await this.resolveTag(request);
      this.warnOnce(request, result.warnings ?? []);
      return result;
    } catch (error) {
      const failure3 = toRegistryFailure(error, request);
      this.options.logger.debug(`${failure3.message} [${failure3.code}]`);
      return { kind: "failed", key: request.key, failure: failure3 };
    }
  }
  // The plan does not carry a resolution's warnings to its rows, so they are
  // logged here, once per run (the second look may repeat the first's).
  warnOnce(request, warnings) {
    for (const warning of warnings) {
      const line = `${imageName(request)}: ${warning}`;
      if (this.warned.has(line)) continue;
      this.warned.add(line);
      this.options.logger.warn(line);
    }
  }
  async resolveTag(request) {
    const reader = new SharingRepositoryReader(
      this.auth,
      repositoryTarget(request),
      this.contentReader()
    );
    const now = request.after === void 0 ? lookOf(await readTag2(reader, request)) : lookOfResolved(request.after);
    const stale = [...new Set(request.currentDigests)].filter(
      (d) => d !== now.digest
    );
    if (stale.length === 0) return resolved2(request, now, NO_PINS);
    const listed2 = new Set(now.index?.manifests.map((m) => m.digest));
    const olds = prefetchReads(
      reader,
      now.kind === "index" ? stale.filter((d) => !listed2.has(d)) : []
    );
    const current = await verified(reader, now);
    const index = current.index;
    if (index === void 0) return resolved2(request, current, NO_PINS);
    const pins = await mapPlatformPins({
      reader,
      newDigest: current.digest,
      currentDigests: stale,
      knownIndex: () => index,
      readIndex: async () => Promise.resolve(index),
      readOld: olds.read
    });
    const previous = await previousIndexes(olds.sent);
    return resolved2(request, current, { ...pins, previous });
  }
};
var NO_PINS = { pins: {}, warnings: [], previous: {} };
function prefetchReads(reader, digests) {
  const sent = new Map(
    digests.map((d) => {
      const pending = reader.get(d);
      pending.catch(() => void 0);
      return [d, pending];
    })
  );
  return { sent, read: async (digest) => sent.get(digest) ?? reader.get(digest) };
}
async function previousIndexes(sent) {
  const previous = {};
  for (const [digest, pending] of sent) {
    const read = await pending.catch(() => void 0);
    if (read?.kind !== "index") continue;
    try {
      previous[digest] = parseIndex(read.body).manifests;
    } catch {
      continue;
    }
  }
  return previous;
}
async function readTag2(reader, request) {
  try {
    return request.needsManifestBody ? await reader.get(request.tag) : await reader.head(request.tag, true);
  } catch (error) {
    throw await explainNotFound(reader, error);
  }
}
async function explainNotFound(reader, error) {
  if (!(error instanceof RegistryError) || error.status !== 404) return error;
  if (error.code === "NAME_UNKNOWN") return error;
  const exists = await reader.repositoryExists().catch(() => void 0);
  if (exists !== false) return error;
  return new RegistryError({
    reason: "status",
    message: `${error.message}; the tag list answered NAME_UNKNOWN`,
    status: 404,
    code: "NAME_UNKNOWN",
    ...optional2("method", error.method),
    ...optional2("url", error.url)
  });
}
function resolved2(request, look, pins) {
  const warnings = [...look.warnings, ...pins.warnings];
  const platformPins = { ...look.platformPins, ...checkedPins(pins.pins) };
  const previousManifests = { ...look.previousManifests, ...pins.previous };
  return {
    kind: "resolved",
    key: request.key,
    digest: look.digest,
    mediaType: look.mediaType,
    ...look.verified ? { verified: true } : {},
    ...optional2("manifests", look.index?.manifests),
    ...optional2("created", look.created),
    ...Object.keys(platformPins).length === 0 ? {} : { platformPins },
    ...Object.keys(previousManifests).length === 0 ? {} : { previousManifests },
    ...optional2("rateLimitRemaining", look.rateLimit),
    ...warnings.length === 0 ? {} : { warnings }
  };
}
function checkedPins(pins) {
  return Object.fromEntries(
    Object.entries(pins).map(([old, next]) => [old, mustDigest(next)])
  );
}
function optional2(name, value) {
  return value === void 0 ? {} : { [name]: value };
}

// src/registry/credentials.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/registry/credential-helper.ts
import { execFile as execFile2 } from "node:child_process";

// src/registry/docker-config.ts
var DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";
var DOCKER_HUB_HOSTS = [
  "index.docker.io",
  "docker.io",
  "registry-1.docker.io"
];
var AUTH_ENTRY_FIELDS = [
  "auth",
  "username",
  "password",
  "identitytoken",
  "registrytoken"
];
function parseDockerConfig(text, file) {
  if (text.trim() === "") return emptyConfig();
  const root = parseJsonObject2(
    text,
    `The Docker config ${file}`,
    "Fix the file, or remove it and run docker login again."
  );
  const invalid2 = (what) => new Error(
    `The Docker config ${file} is invalid: ${what}. Fix the file, or remove it and run docker login again.`
  );
  const credsStore = root["credsStore"];
  if (credsStore !== void 0 && typeof credsStore !== "string") {
    throw invalid2('"credsStore" must be a string');
  }
  return {
    auths: parseAuths(root["auths"], invalid2),
    credHelpers: parseStringMap(root["credHelpers"], "credHelpers", invalid2),
    ...credsStore === void 0 || credsStore === "" ? {} : { credsStore }
  };
}
function parseAuthConfigEnv(text) {
  const root = parseJsonObject2(
    text,
    "DOCKER_AUTH_CONFIG",
    "Fix the variable, or unset it."
  );
  const invalid2 = (what) => new Error(
    `DOCKER_AUTH_CONFIG is invalid: ${what}. It must look like {"auths":{"<registry>":{"auth":"<base64 user:password>"}}}.`
  );
  const unknown = Object.keys(root).filter((key) => key !== "auths");
  if (unknown.length > 0)
    throw invalid2(`unknown field "${unknown.join('", "')}"`);
  const rawAuths = root["auths"];
  for (const [key, entry] of Object.entries(
    isRecord5(rawAuths) ? rawAuths : {}
  )) {
    const fields = isRecord5(entry) ? Object.keys(entry) : [];
    if (fields.length !== 1 || fields[0] !== "auth") {
      throw invalid2(`the entry for "${key}" must have one field, "auth"`);
    }
  }
  return { auths: parseAuths(rawAuths, invalid2), credHelpers: {} };
}
function configKeyHost(key) {
  const withoutScheme = key.replace(/^https?:\/\//i, "");
  return (withoutScheme.split("/")[0] ?? "").toLowerCase();
}
function findConfigKey(keys, registry) {
  const all = [...keys];
  const hub = isDockerHub(registry);
  const exact = hub ? DOCKER_HUB_CONFIG_KEY : registry.toLowerCase();
  if (all.includes(exact)) return exact;
  return all.find((key) => {
    const host = configKeyHost(key);
    return hub ? DOCKER_HUB_HOSTS.includes(host) : host === exact;
  });
}
function isDockerHub(registry) {
  return DOCKER_HUB_HOSTS.includes(registry.toLowerCase());
}
function helperServerUrl(registry) {
  return isDockerHub(registry) ? DOCKER_HUB_CONFIG_KEY : registry.toLowerCase();
}
function helperFor(config, registry) {
  const key = findConfigKey(Object.keys(config.credHelpers), registry);
  const named = key === void 0 ? void 0 : config.credHelpers[key];
  return named !== void 0 && named !== "" ? named : config.credsStore;
}
function decodeAuth(auth) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(auth) || auth.length % 4 !== 0) {
    return void 0;
  }
  const decoded = Buffer.from(auth, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return void 0;
  const password = decoded.slice(colon + 1).replace(/\0+$/, "");
  return { username: decoded.slice(0, colon), password };
}
function parseJsonObject2(text, what, hint) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const place = jsonErrorPlace(text, error);
    throw new Error(`${what} is not valid JSON${place}. ${hint}`.trim());
  }
  if (!isRecord5(value)) {
    throw new Error(`${what} is not a JSON object. ${hint}`.trim());
  }
  return value;
}
function jsonErrorPlace(text, error) {
  const match = /position (?<offset>\d+)/.exec(String(error));
  const offset = Number(match?.groups?.["offset"] ?? NaN);
  if (Number.isNaN(offset)) return "";
  const before = text.slice(0, offset).split("\n");
  const column = (before.at(-1)?.length ?? 0) + 1;
  return ` (line ${before.length}, column ${column})`;
}
function parseAuths(value, invalid2) {
  if (value === void 0 || value === null) return {};
  if (!isRecord5(value)) throw invalid2('"auths" must be an object');
  const entries = Object.entries(value).map(([key, entry]) => {
    const parsed = parseAuthEntry(entry, `"auths" entry "${key}"`, invalid2);
    return [key, parsed];
  });
  return Object.fromEntries(entries);
}
function parseAuthEntry(value, where, invalid2) {
  if (!isRecord5(value)) throw invalid2(`${where} must be an object`);
  const fields = [];
  for (const field of AUTH_ENTRY_FIELDS) {
    const fieldValue = value[field];
    if (fieldValue === void 0 || fieldValue === null) continue;
    if (typeof fieldValue !== "string") {
      throw invalid2(`"${field}" of ${where} must be a string`);
    }
    fields.push([field, fieldValue]);
  }
  const entry = Object.fromEntries(fields);
  if (entry.auth && decodeAuth(entry.auth) === void 0) {
    throw invalid2(`"auth" of ${where} is not base64 of "username:password"`);
  }
  return entry;
}
function parseStringMap(value, name, invalid2) {
  if (value === void 0 || value === null) return {};
  if (isStringMap(value)) return value;
  throw invalid2(`"${name}" must map registries to helper names`);
}
function isStringMap(value) {
  return isRecord5(value) && Object.values(value).every((v) => typeof v === "string");
}
function isRecord5(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function emptyConfig() {
  return { auths: {}, credHelpers: {} };
}

// src/registry/credential-helper.ts
var TOKEN_USERNAME = "<token>";
var HELPER_TIMEOUT_MS = 6e4;
function parseHelperOutput(stdout) {
  const root = parseJsonObject2(stdout, "The credential helper output", "");
  const username = root["Username"];
  const secret = root["Secret"];
  if (typeof secret !== "string" || secret === "") return void 0;
  if (username === TOKEN_USERNAME) return { identityToken: secret };
  return typeof username === "string" && username !== "" ? { username, password: secret } : { password: secret };
}
function isCredentialsNotFound(output) {
  return /credentials not found/i.test(output);
}
async function runCredentialHelper(name, registry, env) {
  const program = `docker-credential-${name}`;
  const { stdout, failure: failure3 } = await execHelper(
    program,
    helperServerUrl(registry),
    env
  );
  if (failure3 === void 0) {
    try {
      return parseHelperOutput(stdout);
    } catch {
      throw new Error(
        `${program} returned output that is not the JSON Docker expects for ${registry}. Check the helper with "${program} get".`
      );
    }
  }
  if (isCredentialsNotFound(failure3.output)) return void 0;
  throw helperError(program, registry, failure3);
}
async function execHelper(program, serverUrl, env) {
  return new Promise((resolve) => {
    const child = execFile2(
      program,
      ["get"],
      { env, timeout: HELPER_TIMEOUT_MS, shell: false, windowsHide: true },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ stdout });
        const output = `${stdout}
${stderr}`.trim();
        const code = error.killed ? "timeout" : error.code ?? void 0;
        resolve({ stdout, failure: { code, output } });
      }
    );
    child.stdin?.on("error", () => void 0);
    child.stdin?.end(serverUrl);
  });
}
function helperError(program, registry, failure3) {
  if (failure3.code === "ENOENT") {
    return new Error(
      `The Docker config names the credential helper ${program} for ${registry}, but it is not installed (not found on PATH). Install it, or remove it from "credsStore"/"credHelpers" in the Docker config.`
    );
  }
  if (failure3.code === "timeout") {
    return new Error(
      `${program} did not answer for ${registry} within ${HELPER_TIMEOUT_MS / 1e3} s. It may be waiting for input; unlock the credential store or configure another helper.`
    );
  }
  const said = failure3.output.slice(0, 300);
  return new Error(
    `${program} failed to get credentials for ${registry} (exit ${String(failure3.code)}${said === "" ? "" : `: ${said}`}). Check it with "${program} get", or run docker login ${registry} again.`
  );
}

// src/registry/credentials.ts
async function dockerConfigCredentials(options) {
  const file = dockerConfigPath(options);
  const config = await readDockerConfig(file);
  const envText = options.env["DOCKER_AUTH_CONFIG"];
  const overlay = envText === void 0 || envText.trim() === "" ? void 0 : parseAuthConfigEnv(envText);
  const reportSecrets = options.onSecret ?? (() => void 0);
  for (const source of [config, overlay]) {
    for (const secret of configSecrets(source)) reportSecrets(secret);
  }
  const lookup = async (registry) => {
    const fromEnv = overlay && entryCredential(overlay.auths, registry);
    if (fromEnv !== void 0) return fromEnv;
    const helper = helperFor(config, registry);
    if (helper === void 0) return entryCredential(config.auths, registry);
    const found = await runCredentialHelper(helper, registry, options.env);
    for (const secret of credentialSecrets(found)) reportSecrets(secret);
    return found;
  };
  const cache = /* @__PURE__ */ new Map();
  return {
    get: async (registry) => {
      const key = registry.toLowerCase();
      const cached = cache.get(key) ?? lookup(key);
      cache.set(key, cached);
      return cached;
    }
  };
}
function dockerConfigPath(options) {
  if (options.path !== void 0) return options.path;
  const dir = options.env["DOCKER_CONFIG"];
  if (dir !== void 0 && dir !== "") return join(dir, "config.json");
  return join(options.homeDir, ".docker", "config.json");
}
async function readDockerConfig(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") return emptyConfig();
    throw new Error(
      `Cannot read the Docker config ${file} (${code ?? String(error)}). Make it readable, or set DOCKER_CONFIG to a directory whose config.json is.`,
      { cause: error }
    );
  }
  return parseDockerConfig(text, file);
}
function credentialFromEntry(entry) {
  const decoded = entry.auth === void 0 ? void 0 : decodeAuth(entry.auth);
  const credential = dropEmpty({
    username: decoded?.username ?? entry.username,
    password: decoded?.password ?? entry.password,
    identityToken: entry.identitytoken,
    registryToken: entry.registrytoken
  });
  const usable = credential.password !== void 0 || credential.identityToken !== void 0 || credential.registryToken !== void 0;
  return usable ? credential : void 0;
}
function entryCredential(auths, registry) {
  const key = findConfigKey(Object.keys(auths), registry);
  const entry = key === void 0 ? void 0 : auths[key];
  return entry === void 0 ? void 0 : credentialFromEntry(entry);
}
function configSecrets(config) {
  if (config === void 0) return [];
  return Object.values(config.auths).flatMap((entry) => {
    const decoded = entry.auth === void 0 ? void 0 : decodeAuth(entry.auth);
    const values = [
      entry.auth,
      entry.password,
      decoded?.password,
      entry.identitytoken,
      entry.registrytoken
    ];
    return values.filter((value) => !!value);
  });
}
function credentialSecrets(credential) {
  if (credential === void 0) return [];
  const values = [
    credential.password,
    credential.identityToken,
    credential.registryToken
  ];
  return values.filter((value) => !!value);
}
function dropEmpty(credential) {
  return Object.fromEntries(
    Object.entries(credential).filter(([, value]) => !!value)
  );
}

// src/wiring.ts
async function buildPorts(config, logger, options) {
  if (config.dockerConfig !== void 0 && !existsSync(config.dockerConfig)) {
    throw new ConfigError([
      `'docker-config': "${config.dockerConfig}" does not exist. Pass the path of a Docker config.json, or leave it unset to use $DOCKER_CONFIG or ~/.docker/config.json.`
    ]);
  }
  const credentials = await dockerConfigCredentials({
    ...config.dockerConfig === void 0 ? {} : { path: config.dockerConfig },
    env: options.env,
    homeDir: os.homedir(),
    onSecret: (value) => logger.secret(value)
  });
  const resolver = new RegistryClient({
    credentials,
    insecureRegistries: config.insecureRegistries,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
    logger,
    ...options.counter === void 0 ? {} : { counter: options.counter }
  });
  const osv = config.osv ? new OsvClient({
    url: config.osvUrl,
    logger,
    ...options.counter === void 0 ? {} : { counter: options.counter }
  }) : void 0;
  return {
    files: options.files ?? createFileStore(),
    resolver,
    logger,
    // An HCL bake file is read by buildx when the runner has it (issue 11).
    bake: createBuildxBake({
      root: config.root,
      timeoutMs: config.timeoutMs,
      env: options.env
    }),
    evidence: {
      source: resolver.contentReader(),
      ...osv === void 0 ? {} : { osv },
      logger
    }
  };
}

// src/core/behind/final-base.ts
function finalBase(file, sites, target) {
  const froms = sites.filter((s) => s.source === "from" && s.stage !== void 0);
  const start = target === void 0 ? froms.at(-1) : stageNamed(froms, target, Number.POSITIVE_INFINITY);
  if (start === void 0) {
    return {
      ok: false,
      why: target === void 0 ? `${file} has no FROM line, so it names no base.` : `${file} has no stage named "${target}" (the target built), so its base is not known; correct the target or the stage name.`
    };
  }
  return follow(file, froms, start);
}
function follow(file, froms, start) {
  let site = start;
  for (; ; ) {
    const code = site.skip?.code;
    if (code === "scratch") {
      return {
        ok: false,
        why: `${file}:${site.line}: built FROM scratch: no base to be behind.`
      };
    }
    if (code !== "stage") break;
    const earlier = stageNamed(froms, site.image, site.stage?.index ?? 0);
    if (earlier === void 0) break;
    site = earlier;
  }
  if (site.skip !== void 0 && site.ref === void 0) {
    return {
      ok: false,
      why: `${file}:${site.line}: the final stage's base "${site.image}" is not an image Freshbase can look up: ${site.skip?.message ?? ""}`
    };
  }
  return { ok: true, base: site.image, line: site.line };
}
function stageNamed(froms, name, before) {
  const wanted = name.toLowerCase();
  return froms.find(
    (s) => (s.stage?.index ?? 0) < before && s.stage?.name !== void 0 && s.stage.name.toLowerCase() === wanted
  );
}

// src/core/behind/base-ref.ts
function baseRefOf(text) {
  const parsed = parseImageRef(text.trim());
  if (!parsed.ok) return void 0;
  const { registry, repository, digest } = parsed.ref;
  const tagOrDefault = followedTag(parsed.ref);
  return {
    registry,
    repository,
    ...tagOrDefault === void 0 ? {} : { tag: tagOrDefault },
    ...digest === void 0 ? {} : { digest },
    text
  };
}
function sameRepository2(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
function sameTag(a, b) {
  return a.tag === void 0 || b.tag === void 0 || a.tag === b.tag;
}
function repositoryName(ref) {
  return familiarName({ ...ref, original: ref.text, name: ref.text });
}
function baseName2(ref) {
  const name = repositoryName(ref);
  return ref.tag === void 0 ? name : `${name}:${ref.tag}`;
}

// src/core/behind/verdict.ts
function answerWithoutRead(recorded, now, platform) {
  if (recorded === now.digest) return { status: "current", builtOn: recorded };
  if (recorded === nowPlatformDigest(now, platform))
    return { status: "current", builtOn: recorded };
  return void 0;
}
function answerRecorded(recorded, read, now, platform) {
  const quick = answerWithoutRead(recorded, now, platform);
  if (quick !== void 0) return quick;
  const nowDigest = nowPlatformDigest(now, platform);
  const where = formatPlatform(platform);
  if (nowDigest === void 0)
    return {
      status: "unknown",
      why: `the base has no ${where} image now (${shortDigest(now.digest)}) to compare with`
    };
  if (read.kind === "unreadable")
    return {
      status: "behind",
      builtOn: recorded,
      now: now.digest,
      note: `changed (the old base index could not be read to compare platforms: ${read.why})`
    };
  if (read.side.platforms === void 0)
    return { status: "behind", builtOn: recorded, now: nowDigest };
  const old = findPlatform(read.side.platforms, platform);
  if (old?.digest === nowDigest)
    return {
      status: "current",
      builtOn: recorded,
      note: `the base moved (${shortDigest(recorded)} \u2192 ${shortDigest(now.digest)}) but not its ${where} image: only attestations or other platforms changed`
    };
  return {
    status: "behind",
    builtOn: recorded,
    now: now.digest,
    ...old === void 0 ? { note: `the old base had no ${where} image` } : {}
  };
}
function nowPlatformDigest(now, platform) {
  return now.platforms === void 0 ? now.digest : findPlatform(now.platforms, platform)?.digest;
}
function overallStatus(platforms) {
  if (platforms.some((p) => p.status === "behind")) return "behind";
  if (platforms.every((p) => p.status === "unknown")) return "unknown";
  return "current";
}

// src/core/behind/annotations-base.ts
var BASE_DIGEST = "org.opencontainers.image.base.digest";
var BASE_NAME = "org.opencontainers.image.base.name";
var ORDER2 = [
  "manifest",
  "descriptor",
  "index",
  "config"
];
function baseFromAnnotations(places, base) {
  for (const where of ORDER2) {
    const values = places[where];
    const digestText = values?.[BASE_DIGEST];
    if (values === void 0 || digestText === void 0) continue;
    const digest = parseDigest(digestText.trim());
    if (digest === void 0)
      return {
        kind: "none",
        why: `its ${placeName(where)} ${BASE_DIGEST} "${digestText}" is not a digest (sha256:<64 hex>)`
      };
    const name = values[BASE_NAME];
    const problem4 = name === void 0 ? void 0 : nameProblem(name, base);
    if (problem4 !== void 0)
      return { kind: "none", why: `its ${placeName(where)} ${problem4}` };
    return {
      kind: "found",
      digest,
      where,
      ...name === void 0 ? {} : { name }
    };
  }
  return {
    kind: "none",
    why: `it has no ${BASE_DIGEST} annotation or label`
  };
}
function nameProblem(name, base) {
  const named = baseRefOf(name);
  if (named === void 0)
    return `${BASE_NAME} "${name}" is not an image reference`;
  if (sameRepository2(named, base)) return void 0;
  return `${BASE_NAME} is ${name}, not ${repositoryName(base)} the Dockerfile's base: the image was built from another base (or another Dockerfile)`;
}
function placeName(where) {
  switch (where) {
    case "manifest":
      return "manifest annotation";
    case "descriptor":
      return "index descriptor annotation";
    case "index":
      return "index annotation";
    case "config":
      return "config label";
  }
}

// src/core/behind/layer-prefix.ts
function readImageConfig(body) {
  const json = parseJsonObject(body, "image config");
  const rootfs = objectField(json, "rootfs");
  const diffIds = arrayField(rootfs ?? {}, "diff_ids").map((raw, position) => {
    const digest = typeof raw === "string" ? parseDigest(raw) : void 0;
    if (digest === void 0)
      throw new Error(
        `image config rootfs.diff_ids[${position}] is not a digest (sha256:<64 hex>)`
      );
    return digest;
  });
  const created = stringField(json, "created");
  const config = objectField(json, "config");
  const platform = platformObject(json);
  return {
    diffIds,
    ...platform === void 0 ? {} : { platform },
    ...created === void 0 || created === "" ? {} : { created },
    labels: config === void 0 ? {} : stringMap(config["Labels"])
  };
}
function compareLayers(base, image) {
  if (base.length === 0)
    return {
      status: "unknown",
      why: "the base has no layers to look for in the image"
    };
  if (base.every((diffId, i) => image[i] === diffId))
    return { status: "current" };
  if (image.length < base.length)
    return {
      status: "unknown",
      why: `the image has ${image.length} ${plural(image.length)}, fewer than its base's ${base.length}: it was squashed or not built on this base; add base annotations or keep provenance on`
    };
  return { status: "behind" };
}
function plural(count) {
  return count === 1 ? "layer" : "layers";
}

// src/core/behind/provenance-base.ts
var SLSA_PREFIX = "https://slsa.dev/provenance/";
function imageMaterials(predicateType, predicate) {
  if (!predicateType.startsWith(SLSA_PREFIX)) return [];
  const p = record(predicate);
  const v1 = record(p?.["buildDefinition"]);
  const entries = v1 === void 0 ? p?.["materials"] : v1["resolvedDependencies"];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry) => {
    const material = imageMaterial(record(entry));
    return material === void 0 ? [] : [material];
  });
}
function imageMaterial(entry) {
  const uri = entry?.["uri"];
  const hex = record(entry?.["digest"])?.["sha256"];
  if (typeof uri !== "string" || typeof hex !== "string") return void 0;
  const digest = parseDigest(`sha256:${hex.toLowerCase()}`);
  const purl = parsePurl(uri);
  if (digest === void 0 || purl?.type !== "docker") return void 0;
  const name = purl.namespace === void 0 ? purl.name : `${purl.namespace}/${purl.name}`;
  const versionDigest = purl.version === void 0 ? void 0 : parseDigest(purl.version);
  const tag = versionDigest === void 0 ? purl.version : void 0;
  const ref = baseRefOf(tag === void 0 ? name : `${name}:${tag}`);
  if (ref === void 0) return void 0;
  const untagged = versionDigest !== void 0 || tag === void 0 && (purl.qualifiers["digest"] ?? "") !== "";
  const platformText = purl.qualifiers["platform"];
  const platform = platformText === void 0 ? void 0 : parsePlatform(platformText);
  return {
    ref: untagged ? withoutTag(ref) : ref,
    ...platform === void 0 ? {} : { platform },
    digest,
    uri
  };
}
function withoutTag(ref) {
  return {
    registry: ref.registry,
    repository: ref.repository,
    text: ref.text,
    ...ref.digest === void 0 ? {} : { digest: ref.digest }
  };
}
function pickBaseMaterial(materials, base, platform) {
  const sameRepo = materials.filter((m) => sameRepository2(m.ref, base));
  const listed2 = materials.map((m) => materialName(m)).join(", ");
  if (sameRepo.length === 0)
    return {
      kind: "none",
      why: `its provenance lists no image from ${repositoryName(base)} (it lists ${listed2 === "" ? "no image" : listed2})`
    };
  const tagged = sameRepo.filter((m) => sameTag(m.ref, base));
  if (tagged.length === 0)
    return {
      kind: "none",
      why: `its provenance lists ${sameRepo.map(materialName).join(", ")}, not the tag ${base.tag ?? ""} the Dockerfile names now`
    };
  const onPlatform = tagged.find(
    (m) => m.platform !== void 0 && platformMatches(m.platform, platform)
  ) ?? tagged.find((m) => m.platform === void 0);
  if (onPlatform === void 0)
    return {
      kind: "none",
      why: `its provenance lists ${tagged.map(materialName).join(", ")} only for other platforms than ${formatPlatform(platform)}`
    };
  return { kind: "found", material: onPlatform };
}
function materialName(material) {
  const platform = material.platform === void 0 ? "" : ` (${formatPlatform(material.platform)})`;
  return `${baseName2(material.ref)}${platform}`;
}
function record(value) {
  return isObject(value) ? value : void 0;
}

// src/pipeline/behind-platform.ts
var CONFIG_MAX_BYTES2 = 4 * 1024 * 1024;
var PROVENANCE_MAX_BYTES = 8 * 1024 * 1024;
async function checkPlatform(reads, target, base) {
  const { body } = await reads.manifest(target.at, target.manifest);
  const config = await configOf(reads, target.at, body);
  const steps2 = [
    async () => byProvenance(reads, target, base),
    async () => byAnnotations(reads, target, base, body, config),
    async () => byLayers(reads, base, target.platform, config)
  ];
  const whys = [];
  for (const step of steps2) {
    const answer = await step();
    if (typeof answer !== "string")
      return withCreated({ verdict: answer }, config);
    whys.push(answer);
  }
  const platform = formatPlatform(target.platform);
  return withCreated(
    {
      verdict: {
        status: "unknown",
        platform,
        why: `${target.name} (${platform}): no method answered: ${whys.join("; ")}`
      }
    },
    config
  );
}
function withCreated(result, config) {
  return config.created === void 0 ? result : { ...result, created: config.created };
}
async function configOf(reads, at, manifestBody) {
  const digest = configDigestOf(manifestBody);
  if (digest === void 0)
    throw new Error(
      `the image manifest in ${at.registry}/${at.repository} has no config digest`
    );
  return readImageConfig(await reads.blob(at, digest, CONFIG_MAX_BYTES2));
}
async function byProvenance(reads, target, base) {
  if (target.index === void 0)
    return "provenance: the image is not an index, so it carries no attestations";
  let materials;
  try {
    const attestation = await attestationOf(
      reads,
      target.at,
      target.index,
      target.manifest
    );
    const layer = attestation?.provenance[0];
    if (layer === void 0)
      return "provenance: none attached (keep build-push-action provenance on)";
    const what = `the provenance of ${target.name}`;
    const statement = await statementOf(
      reads,
      target.at,
      layer,
      PROVENANCE_MAX_BYTES,
      what
    );
    materials = imageMaterials(statement.predicateType, statement.predicate);
  } catch (error) {
    return `provenance could not be read: ${messageOf(error)}`;
  }
  const pick2 = pickBaseMaterial(materials, base.ref, target.platform);
  if (pick2.kind === "none") return `provenance: ${pick2.why}`;
  return recordedVerdict(reads, base, target.platform, {
    method: "provenance",
    recorded: pick2.material.digest
  });
}
async function byAnnotations(reads, target, base, manifestBody, config) {
  const found = baseFromAnnotations(
    {
      manifest: readManifestAnnotations(manifestBody),
      ...target.descriptor === void 0 ? {} : { descriptor: target.descriptor },
      ...target.index === void 0 ? {} : { index: target.index.annotations },
      config: config.labels
    },
    base.ref
  );
  if (found.kind === "none") return `base annotations: ${found.why}`;
  return recordedVerdict(reads, base, target.platform, {
    method: "base-annotation",
    recorded: found.digest
  });
}
async function recordedVerdict(reads, base, platform, found) {
  const { recorded, method } = found;
  const answer = answerWithoutRead(recorded, base.side, platform) ?? answerRecorded(
    recorded,
    await readRecorded(reads, base.at, recorded),
    base.side,
    platform
  );
  const where = formatPlatform(platform);
  if (answer.status === "unknown") return `${method}: ${answer.why}`;
  return { ...answer, platform: where, method };
}
async function readRecorded(reads, at, digest) {
  try {
    const image = await readImage(reads, at, digest);
    return {
      kind: "read",
      side: image.kind === "index" ? { digest, platforms: platformManifests(image.view) } : { digest }
    };
  } catch (error) {
    return { kind: "unreadable", why: messageOf(error) };
  }
}
async function byLayers(reads, base, platform, config) {
  const where = formatPlatform(platform);
  const baseManifest = nowPlatformDigest(base.side, platform);
  if (baseManifest === void 0)
    return `layers: ${base.ref.text} has no ${where} image now`;
  const { body } = await reads.manifest(base.at, baseManifest);
  const baseConfig = await configOf(reads, base.at, body);
  const answer = compareLayers(baseConfig.diffIds, config.diffIds);
  if (answer.status === "unknown") return `layers: ${answer.why}`;
  return answer.status === "current" ? {
    status: "current",
    platform: where,
    method: "layers",
    builtOn: baseManifest
  } : {
    status: "behind",
    platform: where,
    method: "layers",
    now: base.side.digest
  };
}

// src/pipeline/behind.ts
async function checkBehind(images, ports, options = {}) {
  const context = {
    reads: memoizedReads(ports.content),
    resolver: ports.resolver,
    registryMap: options.registryMap ?? {},
    wanted: wantedPlatforms(options.platforms ?? []),
    bases: /* @__PURE__ */ new Map(),
    ...ports.logger === void 0 ? {} : { logger: ports.logger }
  };
  return Promise.all(
    images.map(async (image) => {
      try {
        return await checkImage(context, image);
      } catch (error) {
        const report = {
          image,
          status: "unknown",
          platforms: [],
          error: messageOf(error)
        };
        return report;
      }
    })
  );
}
function wantedPlatforms(texts) {
  return texts.map((text) => {
    const platform = parsePlatform(text);
    if (platform === void 0)
      throw new Error(
        `platform "${text}" is not os/architecture[/variant] (e.g. linux/amd64)`
      );
    return platform;
  });
}
async function checkImage(context, image) {
  const ref = mustRef(image.image, `published image ${image.image}`);
  const where = image.dockerfile === void 0 ? "" : ` (${image.dockerfile}${image.line === void 0 ? "" : `:${image.line}`})`;
  const baseRef = mustRef(image.base, `the base ${image.base}${where}`);
  const at = locationOf(context, ref);
  const [digest, base] = await Promise.all([
    digestOf(context, ref),
    baseNow(context, baseRef).catch((error) => {
      throw new Error(
        `${image.image}: its base ${image.base}${where} could not be read: ${messageOf(error)}`
      );
    })
  ]);
  const targets = await targetsOf(context, ref, at, digest);
  if (targets.length === 0)
    throw new Error(
      `${image.image} has none of the platforms asked (${context.wanted.map(formatPlatform).join(", ")}): nothing to check; change the platforms or leave them empty`
    );
  const results = await Promise.all(
    targets.map(async (target) => settlePlatform(context.reads, target, base))
  );
  const platforms = results.map((r) => r.verdict);
  for (const verdict of platforms)
    context.logger?.debug(describe(image, verdict));
  const created = results.find((r) => r.created !== void 0)?.created;
  return {
    image,
    status: overallStatus(platforms),
    platforms,
    baseNow: base.side.digest,
    ...created === void 0 ? {} : { created }
  };
}
async function settlePlatform(reads, target, base) {
  try {
    return await checkPlatform(reads, target, base);
  } catch (error) {
    const platform = formatPlatform(target.platform);
    return {
      verdict: {
        status: "unknown",
        platform,
        why: `${target.name} (${platform}) could not be checked: ${messageOf(error)}`
      }
    };
  }
}
function describe(image, verdict) {
  const how = verdict.status === "unknown" ? verdict.why : `by ${verdict.method}`;
  return `behind: ${image.image} ${verdict.platform} is ${verdict.status} (${how})`;
}
function mustRef(text, what) {
  const ref = baseRefOf(text);
  if (ref === void 0)
    throw new Error(`${what} is not a valid image reference: fix the name`);
  return ref;
}
function locationOf(context, ref) {
  return locate(ref, context.registryMap);
}
async function digestOf(context, ref) {
  if (ref.digest !== void 0) return ref.digest;
  const tag = ref.tag ?? "latest";
  const resolution = await context.resolver.resolve({
    key: `${ref.registry}/${ref.repository}:${tag}`,
    registry: locationOf(context, ref).registry,
    repository: ref.repository,
    tag,
    currentDigests: [],
    needsManifestBody: false
  });
  if (resolution.kind === "failed")
    throw new Error(`${resolution.failure.message} ${resolution.failure.hint}`);
  return resolution.digest;
}
async function baseNow(context, ref) {
  const key = `${ref.registry}/${ref.repository}:${ref.tag ?? ""}@${ref.digest ?? ""}`;
  const known = context.bases.get(key);
  if (known !== void 0) return known;
  const pending = (async () => {
    const at = locationOf(context, ref);
    const digest = await digestOf(context, ref);
    const image = await readImage(context.reads, at, digest);
    return {
      ref,
      at,
      side: image.kind === "index" ? { digest, platforms: platformManifests(image.view) } : { digest }
    };
  })();
  context.bases.set(key, pending);
  return pending;
}
async function targetsOf(context, ref, at, digest) {
  const name = ref.text;
  const image = await readImage(context.reads, at, digest);
  const counts = (platform) => context.wanted.length === 0 || context.wanted.some((w) => platformMatches(platform, w));
  if (image.kind === "manifest") {
    const config = await configOf(context.reads, at, image.body);
    const platform = config.platform ?? { os: "linux", architecture: "amd64" };
    return counts(platform) ? [{ at, name, platform, manifest: digest }] : [];
  }
  const view = image.view;
  return view.runnable.flatMap(
    (entry) => entry.platform === void 0 || entry.mediaType.includes("index") || entry.mediaType.includes("manifest.list") || !counts(entry.platform) ? [] : [
      {
        at,
        name,
        platform: entry.platform,
        manifest: entry.digest,
        index: view,
        descriptor: entry.annotations
      }
    ]
  );
}

// src/pipeline/behind-evidence.ts
async function baseEvidence(entries, config, ports) {
  const changes2 = /* @__PURE__ */ new Map();
  const idOf = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const change = changeOf(entry, config.platforms);
    if (change === void 0) continue;
    const id = evidenceKey(change.key, change.from, change.to);
    changes2.set(id, change);
    idOf.set(entry, id);
  }
  if (changes2.size === 0) return [...entries];
  const { platforms, osv } = config;
  const found = await evidenceOfChanges(
    [...changes2.values()],
    { platforms, osv },
    ports,
    (key) => imageLocation(key, config.registryMap)
  );
  return entries.map((entry) => {
    const evidence = found.get(idOf.get(entry) ?? "");
    return evidence === void 0 ? entry : { ...entry, evidence };
  });
}
function changeOf(entry, platforms) {
  const { report } = entry;
  const verdict = report.platforms.find(
    (v) => v.status === "behind" && v.builtOn !== void 0
  );
  if (verdict?.builtOn === void 0) return void 0;
  const parsed = parseImageRef(report.image.base);
  if (!parsed.ok) return void 0;
  const ref = parsed.ref;
  const key = canonicalKey({ ...ref, tag: ref.tag ?? "latest" });
  return {
    key,
    from: verdict.builtOn,
    to: verdict.now,
    counted: platforms.length > 0 ? [...platforms] : [verdict.platform]
  };
}

// src/pipeline/behind-images.ts
function publishedTargets(producers) {
  const byRepository = /* @__PURE__ */ new Map();
  for (const producer of producers) {
    const list = byRepository.get(producer.repository) ?? [];
    list.push(producer);
    byRepository.set(producer.repository, list);
  }
  const targets = [];
  const unchecked = [];
  for (const [repository, list] of byRepository) {
    const config = list.filter((p) => p.source === "config");
    const builder = config[0] ?? list[0];
    if (builder === void 0) continue;
    const tagged = config.some((p) => p.tags !== void 0) ? config : list;
    const tags = [...new Set(tagged.flatMap((p) => p.tags ?? []))];
    if (tags.length === 0) {
      unchecked.push({
        image: repository,
        dockerfile: builder.dockerfile,
        why: untaggedWhy(repository, builder)
      });
      continue;
    }
    for (const tag of tags) {
      targets.push({
        image: `${repository}:${tag}`,
        dockerfile: builder.dockerfile,
        ...builder.target === void 0 ? {} : { target: builder.target }
      });
    }
  }
  return { targets, unchecked };
}
function untaggedWhy(repository, producer) {
  const where = `${producer.declaredIn.file}:${producer.declaredIn.line}`;
  return `${repository} (built from ${producer.dockerfile}, ${where}) has no tag known before the build (docker/metadata-action or an expression sets it), so Freshbase cannot tell which published image to check. Name the tag in the images setting, e.g. "${repository}:latest=${producer.dockerfile}".`;
}

// src/pipeline/behind-run.ts
var DAY_MS = 864e5;
function needsRebuild(entry) {
  return entry.report.status === "behind" || entry.stale !== void 0;
}
async function runBehind(config, options, ports) {
  const { files, logger } = ports;
  const found = await logger.group(
    "Discover",
    async () => files.discover(config)
  );
  const read = await readDeclarations(found, files, config, ports.bake);
  const { targets, unchecked } = publishedTargets(read.producers);
  const texts = await readDockerfiles(
    [...new Set(read.producers.map((p) => p.dockerfile))],
    ports
  );
  const images = [];
  for (const target of targets) {
    const image = publishedImage(target, texts.get(target.dockerfile));
    if ("why" in image) unchecked.push(image);
    else images.push(image);
  }
  const content = ports.evidence?.source;
  if (content === void 0)
    throw new Error("behind: no registry content reader is wired");
  const reports = await logger.group(
    "Check published images",
    async () => checkBehind(
      images,
      { resolver: ports.resolver, content, logger },
      {
        platforms: config.platforms,
        registryMap: config.registryMap
      }
    )
  );
  const now = (options.now ?? /* @__PURE__ */ new Date()).getTime();
  let entries = reports.map(
    (report) => withAge(report, options.maxAgeDays, now)
  );
  if (options.explain && ports.evidence !== void 0) {
    entries = await baseEvidence(entries, config, ports.evidence);
  }
  const sites = [...texts].flatMap(
    ([file, text]) => typeof text === "string" ? scanDockerfile(file, text) : []
  );
  const chains = buildChains(read.producers, sites, read.problems);
  return {
    entries,
    unchecked,
    problems: [...read.problems],
    levels: levelsOf(entries, chains),
    chains
  };
}
async function readDockerfiles(paths, ports) {
  const texts = /* @__PURE__ */ new Map();
  for (const file of paths) {
    texts.set(
      file,
      await ports.files.read(file).catch((error) => error)
    );
  }
  return texts;
}
function publishedImage(target, text) {
  const { image, dockerfile } = target;
  if (typeof text !== "string") {
    const why = `${dockerfile} (which builds ${image}) could not be read${text === void 0 ? "" : ` (${text.message})`}; correct the path in the images setting or the build declaration.`;
    return { image, dockerfile, why };
  }
  const sites = scanDockerfile(dockerfile, text);
  const base = finalBase(dockerfile, sites, target.target);
  if (!base.ok) return { image, dockerfile, why: base.why };
  return { image, dockerfile, base: base.base, line: base.line };
}
function withAge(report, maxAgeDays, now) {
  const created = report.created;
  if (maxAgeDays === void 0 || created === void 0) return { report };
  const at = Date.parse(created);
  if (Number.isNaN(at)) return { report };
  const days = Math.floor((now - at) / DAY_MS);
  return days > maxAgeDays ? { report, stale: { days, created } } : { report };
}
function levelsOf(entries, chains) {
  const files = [
    ...new Set(
      entries.filter(needsRebuild).flatMap(
        (e) => e.report.image.dockerfile === void 0 ? [] : [e.report.image.dockerfile]
      )
    )
  ].sort();
  if (files.length === 0) return [];
  return rebuildLevels(chains, files);
}

// src/core/report/vulnerability-count.ts
function vulnerabilityCount(vulnerabilities) {
  const { total, bySeverity } = countVulnerabilities(vulnerabilities);
  const severe = ["critical", "high"].map((level) => [level, bySeverity.get(level) ?? 0]).filter(([, count]) => count !== 0).map(([level, count]) => `${count} ${level}`);
  return `${vulnerabilityNoun(total)}${severe.length === 0 ? "" : ` (${severe.join(", ")})`}`;
}
function vulnerabilityNoun(count) {
  return `${count} ${count === 1 ? "vulnerability" : "vulnerabilities"}`;
}
function distinctCount(vulnerabilities) {
  const byId = new Map(vulnerabilities.map((v) => [v.id, v]));
  return countVulnerabilities([...byId.values()]).total;
}

// src/core/report/markdown.ts
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;"
};
function plural2(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function escapeText(text) {
  return text.replace(new RegExp("\\p{Cc}+", "gu"), " ").replace(/[&<>]/g, (c) => ENTITIES[c] ?? c).replace(/[\\`*_[\]~]/g, "\\$&").replace(/@(?=\w)/g, "@\u2060");
}
function inlineCode(text) {
  const flat = text.replace(new RegExp("\\p{Cc}+", "gu"), " ");
  if (flat === "") return "\u2014";
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(flat) ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
function tableRow(cells) {
  return `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
}
function tableHead(columns, right = 0) {
  const rule = columns.map((_, i) => i < right ? "---:" : "---");
  return `${tableRow(columns)}
${tableRow(rule)}`;
}
function markdownLink(label, url) {
  if (!/^https?:\/\//i.test(url)) return void 0;
  const safe = url.replace(
    /[\s()<>[\]`"\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
  return `[${label}](${safe})`;
}
function imagePageUrl(key) {
  const parsed = parseImageRef(key);
  if (!parsed.ok) return void 0;
  const { registry, repository } = parsed.ref;
  if (registry === "docker.io") {
    const official = /^library\/([^/]+)$/.exec(repository)?.[1];
    return official === void 0 ? `https://hub.docker.com/r/${repository}` : `https://hub.docker.com/_/${official}`;
  }
  if (registry === "ghcr.io") return `https://ghcr.io/${repository}`;
  if (registry === "quay.io") return `https://quay.io/repository/${repository}`;
  return void 0;
}
function withoutDigest(image) {
  const at = image.indexOf("@");
  return at < 0 ? image : image.slice(0, at);
}

// src/core/report/evidence-summary.ts
function missingPart(label, part2) {
  return { text: `${label}: ${missingText(part2) ?? ""}`, missing: true };
}
function joined2(parts, show) {
  const found = parts.filter((p) => p.missing !== true).map(show);
  const missing = parts.filter((p) => p.missing === true).map(show);
  return [found.join(", "), ...missing].filter((t) => t !== "").join("; ");
}
function summaryLine(e, update, details) {
  return joined2(
    summaryParts(e, update, details),
    (p) => `${p.text}${p.linked ?? ""}`
  );
}
function summaryMarkdown(e, update, details) {
  const line = joined2(summaryParts(e, update, details), (p) => {
    const linked = p.linked === void 0 ? "" : escapeText(p.linked);
    const link = p.url === void 0 ? void 0 : markdownLink(linked, p.url);
    return `${escapeText(p.text)}${link ?? linked}`;
  });
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}
function summaryParts(e, update, details) {
  if (e === void 0) return withoutEvidence(update, details);
  const parts = e.from === void 0 ? [firstPin(e.platforms), sourcePart2(e.source)] : [
    ...vulnerabilityParts(e.vulnerabilities),
    packagePart2(e.packages),
    platformPart2(e.platforms),
    sourcePart2(e.source)
  ];
  return parts.filter((p) => p !== void 0);
}
function withoutEvidence(update, details) {
  const to = shortDigest(update.to);
  const change = update.from === void 0 ? `pinned to ${to}` : `digest ${shortDigest(update.from)} \u2192 ${to}`;
  const platforms = details?.digest === update.to ? details.platforms : [];
  return [
    { text: change },
    ...platforms.length === 0 ? [] : [{ text: `platforms ${platforms.join(", ")}` }],
    { text: "no evidence gathered" }
  ];
}
function missingText(part2) {
  if (part2.kind === "found") return void 0;
  return part2.kind === "absent" ? part2.why : `evidence unavailable: ${part2.why}`;
}
function firstPin(platforms) {
  if (platforms.kind !== "found")
    return { text: `first pin; platforms: ${missingText(platforms) ?? ""}` };
  const names = platforms.value.map((d) => d.platform);
  return {
    text: names.length === 0 ? "first pin" : `first pin of ${listed(names, "platform")}`
  };
}
function vulnerabilityParts(part2) {
  if (part2.kind !== "found") return [missingPart("vulnerabilities", part2)];
  const { fixed, introduced, notChecked } = part2.value;
  const parts = [];
  if (fixed.length > 0)
    parts.push({ text: `fixes ${vulnerabilityCount(fixed)}` });
  if (introduced.length > 0)
    parts.push({ text: `introduces ${vulnerabilityCount(introduced)}` });
  if (parts.length === 0 && notChecked.length === 0)
    parts.push({ text: "no known vulnerability fixed or introduced" });
  if (notChecked.length > 0)
    parts.push({
      text: `${plural2(notChecked.length, "package")} not checked for vulnerabilities`
    });
  return parts;
}
function packagePart2(part2) {
  if (part2.kind !== "found") return missingPart("packages", part2);
  const { changes: changes2, newCount } = part2.value;
  const counts = ["updated", "added", "removed"].map((kind) => [kind, changes2.filter((c) => c.change === kind).length]).filter(([, n]) => n > 0);
  if (counts.length === 0)
    return { text: `same ${plural2(newCount, "package")}` };
  const text = counts.map(
    ([kind, n], i) => i === 0 ? `${plural2(n, "package")} ${kind}` : `${n} ${kind}`
  ).join(", ");
  return { text };
}
function platformPart2(part2) {
  if (part2.kind !== "found") return missingPart("platforms", part2);
  const counted = part2.value.filter((d) => d.counted);
  const phrases = ["changed", "added", "removed"].flatMap((kind) => {
    const names = counted.filter((d) => d.change === kind).map((d) => d.platform);
    return names.length === 0 ? [] : [`${listed(names, "platform")} ${kind}`];
  });
  if (phrases.length > 0) return { text: phrases.join(", ") };
  return part2.value.length === 0 ? void 0 : { text: "no platform built here changed" };
}
function listed(names, noun) {
  if (names.length > 3) return plural2(names.length, noun);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}
function sourcePart2(part2) {
  if (part2.kind !== "found") return missingPart("source", part2);
  const { link } = part2.value;
  const ref = part2.value.new ?? part2.value.old;
  if (ref === void 0) return void 0;
  const repo = repositoryName2(ref.url);
  if (link?.kind === "compare") {
    const [a, b] = [part2.value.old?.revision, part2.value.new?.revision];
    const range = a && b ? ` ${shortRevision(a)}\u2026${shortRevision(b)}` : "";
    return { text: "source ", linked: `compare ${repo}${range}`, url: link.url };
  }
  const revision = link?.kind === "commit" ? ref.revision : void 0;
  return {
    text: "source ",
    linked: revision ? `${repo}@${shortRevision(revision)}` : repo,
    url: link?.url ?? ref.url
  };
}
function repositoryName2(url) {
  const match = /^https?:\/\/([^/]+)\/(.+?)\/?$/i.exec(url);
  if (match === null) return url;
  const [, host = "", path3 = ""] = match;
  return /^(github\.com|gitlab\.com)$/i.test(host) ? path3 : `${host}/${path3}`;
}
function shortRevision(revision) {
  return /^[0-9a-f]{40,64}$/i.test(revision) ? revision.slice(0, 7) : revision;
}

// src/core/report/image-entries.ts
function imageEntries(updates) {
  const byChange = /* @__PURE__ */ new Map();
  for (const u of updates) {
    const id = evidenceKey(u.key, u.from, u.to);
    const list = byChange.get(id);
    if (list === void 0) byChange.set(id, [u]);
    else list.push(u);
  }
  const entries = [...byChange.values()].map((group2) => entryOf2(group2));
  return entries.sort(
    (a, b) => byCodeUnit(a.name, b.name) || byCodeUnit(a.key, b.key) || byCodeUnit(a.from ?? "", b.from ?? "") || byCodeUnit(a.to, b.to)
  );
}
function entryOf2(updates) {
  const [first] = updates;
  const lines = /* @__PURE__ */ new Map();
  for (const u of updates) {
    const set = lines.get(u.file) ?? /* @__PURE__ */ new Set();
    set.add(u.editLine ?? u.line);
    lines.set(u.file, set);
  }
  const files = [...lines].sort((a, b) => byCodeUnit(a[0], b[0])).map(([file, set]) => ({ file, lines: [...set].sort((a, b) => a - b) }));
  return {
    key: first.key,
    name: familiarTag(first.key),
    ...first.from === void 0 ? {} : { from: first.from },
    to: first.to,
    files
  };
}
function familiarTag(key) {
  const parsed = parseImageRef(key);
  if (!parsed.ok) return key;
  return `${familiarName(parsed.ref)}:${parsed.ref.tag ?? "latest"}`;
}
function linesText(lines) {
  return `${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}`;
}
function evidenceOf(evidence, entry) {
  return evidence?.get(evidenceKey(entry.key, entry.from, entry.to));
}

// src/core/report/evidence-json.ts
var OUTPUT_PACKAGE_CHANGES = 50;
function evidenceJson(e) {
  if (e === void 0) return null;
  return {
    platforms: part(e.platforms, platformsJson),
    source: part(e.source, sourceJson),
    packages: part(e.packages, packagesJson),
    vulnerabilities: part(e.vulnerabilities, vulnerabilitiesJson)
  };
}
function part(p, found) {
  return p.kind === "found" ? { status: "found", ...found(p.value) } : { status: p.kind, why: p.why };
}
function platformsJson(deltas) {
  return {
    delta: deltas.map((d) => ({
      platform: d.platform,
      change: d.change,
      counted: d.counted
    }))
  };
}
function sourceJson(s) {
  const ref = s.new ?? s.old;
  return {
    url: ref?.url ?? null,
    old_revision: s.old?.revision ?? null,
    new_revision: s.new?.revision ?? null,
    link: s.link?.url ?? null,
    link_kind: s.link?.kind ?? null
  };
}
function packagesJson(p) {
  const count = (kind) => p.changes.filter((c) => c.change === kind).length;
  const shown = p.changes.slice(0, OUTPUT_PACKAGE_CHANGES);
  return {
    platform: p.platform,
    ecosystem: p.ecosystem ?? null,
    distro: p.distro ?? null,
    old_count: p.oldCount,
    new_count: p.newCount,
    updated: count("updated"),
    added: count("added"),
    removed: count("removed"),
    changes: shown.map((c) => ({
      change: c.change,
      name: c.name,
      source: c.source ?? null,
      from: c.oldVersion ?? null,
      to: c.newVersion ?? null
    })),
    changes_omitted: p.changes.length - shown.length
  };
}
function vulnerabilitiesJson(v) {
  const list = (vs) => vs.map((x) => ({
    id: x.id,
    cves: [...x.cves],
    severity: x.severity ?? null
  }));
  return {
    ecosystem: v.ecosystem,
    fixed: list(v.fixed),
    introduced: list(v.introduced),
    not_checked: [...v.notChecked]
  };
}

export {
  parseBehindConfig,
  descendantsOf,
  rebuildLevels,
  imageLocation,
  evidenceKey,
  gatherEvidence,
  needsRebuild,
  runBehind,
  byCodeUnit,
  targetName,
  rewriteChecked,
  plural2 as plural,
  escapeText,
  inlineCode,
  tableRow,
  tableHead,
  markdownLink,
  imagePageUrl,
  withoutDigest,
  vulnerabilityCount,
  vulnerabilityNoun,
  distinctCount,
  summaryLine,
  summaryMarkdown,
  missingText,
  imageEntries,
  familiarTag,
  linesText,
  evidenceOf,
  buildMatrix,
  dispatchFiles,
  chainsJson,
  chainWarnings,
  cycleWarnings,
  rebuiltEdgeLines,
  changedDockerfiles,
  hasFailures,
  run,
  selectPaths,
  buildPorts,
  evidenceJson
};
