// The Adaptive Card 1.5 JSON the bot sends, typed: exactly the elements, inputs and actions the
// renderers emit, with the properties they use (names and values as in the schema at
// adaptivecards.io/explorer). The adaptivecards package's own classes are for parsing and
// rendering in a browser, and it is a devDependency, so these are written out here; the tests
// parse every card with that package to check the two agree.

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type Color = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type HorizontalAlignment = 'Left' | 'Center' | 'Right';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

/** What every element of a body may say about its place. */
interface Placed {
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends Placed {
  type: 'TextBlock';
  /** Markdown (escaped by cards/escape.ts). */
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: Color;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends Placed {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends Placed {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
}

export interface TableColumnDefinition {
  width: number;
  horizontalCellContentAlignment?: HorizontalAlignment;
}

export interface TableCell {
  type: 'TableCell';
  items: CardElement[];
}

export interface TableRow {
  type: 'TableRow';
  style?: ContainerStyle;
  cells: TableCell[];
}

export interface Table extends Placed {
  type: 'Table';
  gridStyle?: ContainerStyle;
  firstRowAsHeaders?: boolean;
  columns: TableColumnDefinition[];
  rows: TableRow[];
}

export interface ActionSet extends Placed {
  type: 'ActionSet';
  actions: CardAction[];
}

/** What a card's buttons carry back: a button's payload, or a form's id and metadata. */
export type ExecuteData = Record<string, string | number | boolean | null | Record<string, string | number | boolean | null>>;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: ExecuteData;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** A button that opens a small card under it (the confirmation of an Action.Execute). */
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions?: CardAction[] };
}

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction;

/** What every input has. */
interface InputCommon extends Placed {
  id: string;
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputCommon {
  type: 'Input.Text';
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  value?: string;
}

export interface NumberInput extends InputCommon {
  type: 'Input.Number';
  placeholder?: string;
  min?: number;
  max?: number;
  value?: number;
}

export interface DateInput extends InputCommon {
  type: 'Input.Date';
  placeholder?: string;
  /** YYYY-MM-DD */
  value?: string;
}

export interface TimeInput extends InputCommon {
  type: 'Input.Time';
  placeholder?: string;
  /** HH:mm */
  value?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface ChoiceSetInput extends InputCommon {
  type: 'Input.ChoiceSet';
  placeholder?: string;
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  choices: Choice[];
  /** Choices found as the person types: Teams' people picker is the graph.microsoft.com/users dataset. */
  'choices.data'?: { type: 'Data.Query'; dataset: 'graph.microsoft.com/users' };
  /** The chosen values, comma-separated. */
  value?: string;
}

export interface ToggleInput extends InputCommon {
  type: 'Input.Toggle';
  title: string;
  valueOn: string;
  valueOff: string;
  value: string;
}

export type CardInput = TextInput | NumberInput | DateInput | TimeInput | ChoiceSetInput | ToggleInput;

export type CardElement = TextBlock | FactSet | Container | Table | ActionSet | CardInput;

export const ADAPTIVE_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_VERSION = '1.5';
export const ADAPTIVE_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A whole card, as Teams receives it in an attachment or an invoke response. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_SCHEMA;
  version: typeof ADAPTIVE_VERSION;
  /** Shown where the card cannot be (markdown, escaped). */
  fallbackText?: string;
  msteams?: { width: 'Full' };
  /** Universal Actions: Teams invokes this action when the card is shown and shows the answer. */
  refresh?: { action: ExecuteAction; userIds?: string[] };
  body: CardElement[];
  actions?: CardAction[];
}

/** The Bot Framework attachment that carries a card. */
export interface AdaptiveAttachment {
  contentType: typeof ADAPTIVE_CONTENT_TYPE;
  content: AdaptiveCard;
}
