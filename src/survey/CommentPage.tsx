/** A free-text comment (relatives): optional, saved as it is typed. */
import type { Ref } from 'react';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MAX_COMMENT_LENGTH } from '../shared/responseLimits.ts';

export interface CommentPageProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

export function CommentPage({ label, value, onChange, headingRef }: CommentPageProps) {
  const { t } = useTranslation();
  return (
    <div className="comment-page">
      <h1 ref={headingRef} tabIndex={-1} className="page-heading">
        {label}
      </h1>
      <TextField className="field" value={value} onChange={onChange} maxLength={MAX_COMMENT_LENGTH}>
        <Label>{t('survey.commentLabel')}</Label>
        <TextArea rows={6} />
        <Text slot="description">{t('survey.commentHelp')}</Text>
      </TextField>
    </div>
  );
}
