import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Box } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import EmailEditor from 'react-email-editor';

import { useImageUpload } from '../../hooks/useImageUpload';
import type { EditorConfig } from '../../types';
import { toApiError } from '../../utils/api-error';
import type { MergeTag } from '../../utils/merge-tags';
import { useT } from '../../utils/useT';
import { DesignerUnavailable } from './DesignerUnavailable';
import {
  exportContent,
  scriptFailures,
  type DesignerContent,
  type DesignerFailure,
  type UnlayerEditor,
} from './unlayer';

const DEFAULT_LOAD_TIMEOUT = 10_000;

/** What the page asks of the designer: its current design and HTML, for a save. */
export interface DesignerHandle {
  exportContent(): Promise<DesignerContent | null>;
}

interface DesignerEditorProps {
  config: EditorConfig;
  design: Record<string, unknown> | null;
  mergeTags: Record<string, MergeTag>;
  canEdit: boolean;
  onChange: (content: DesignerContent) => void;
  onUseCode: (mode: 'html' | 'mjml') => void;
}

/**
 * Unlayer's drag-and-drop designer, fed with the template's design and merge tags. Images go to
 * Strapi's media library; when the script cannot load the admin says why and how to fix it.
 */
export const DesignerEditor = forwardRef<DesignerHandle, DesignerEditorProps>(
  ({ config, design, mergeTags, canEdit, onChange, onUseCode }, ref) => {
    const t = useT();
    const { toggleNotification } = useNotification();
    const upload = useImageUpload();
    const editor = useRef<UnlayerEditor | null>(null);
    const [isReady, setIsReady] = useState(false);
    const [failure, setFailure] = useState<DesignerFailure | null>(() =>
      scriptFailures.has(config.scriptUrl) ? 'unreachable' : null
    );
    const [attempt, setAttempt] = useState(0);
    const loadTimeout = config.loadTimeout ?? DEFAULT_LOAD_TIMEOUT;

    // Read through refs so Unlayer's listeners, registered once, see the latest props.
    const latest = useRef({ design, mergeTags, onChange, upload });
    latest.current = { design, mergeTags, onChange, upload };

    const fail = useCallback(
      (reason: DesignerFailure) => {
        scriptFailures.add(config.scriptUrl);
        // A CSP violation explains a failed download better than the download error itself.
        setFailure((current) => (current === 'csp' ? current : reason));
      },
      [config.scriptUrl]
    );

    useEffect(() => {
      if (isReady || failure) return undefined;
      const timer = setTimeout(() => fail('timeout'), loadTimeout);
      const onScriptError = () => fail('unreachable');
      const script = Array.from(document.querySelectorAll('script')).find((element) =>
        element.src.includes(config.scriptUrl)
      );
      script?.addEventListener('error', onScriptError);
      return () => {
        clearTimeout(timer);
        script?.removeEventListener('error', onScriptError);
      };
    }, [isReady, failure, attempt, loadTimeout, config.scriptUrl, fail]);

    // Listened to for the component's whole life: the browser may report the violation after the
    // script's error event has already shown the message.
    useEffect(() => {
      const onViolation = (event: SecurityPolicyViolationEvent) => {
        if (event.blockedURI && config.scriptUrl.startsWith(event.blockedURI)) fail('csp');
      };
      document.addEventListener('securitypolicyviolation', onViolation);
      return () => document.removeEventListener('securitypolicyviolation', onViolation);
    }, [config.scriptUrl, fail]);

    useEffect(() => {
      if (isReady) editor.current?.setMergeTags(mergeTags);
    }, [isReady, mergeTags]);

    useImperativeHandle(ref, () => ({
      exportContent: () =>
        editor.current && isReady ? exportContent(editor.current) : Promise.resolve(null),
    }));

    const onReady = (unlayer: unknown) => {
      const instance = unlayer as UnlayerEditor;
      editor.current = instance;
      instance.registerCallback(
        'image',
        (
          file: { attachments?: File[] },
          done: (result: { progress: number; url?: string }) => void
        ) => {
          const attachment = file.attachments?.[0];
          if (!attachment) return;
          done({ progress: 20 });
          latest.current
            .upload(attachment)
            .then((url) => done({ progress: 100, url }))
            .catch((error) => {
              done({ progress: 0 });
              toggleNotification({
                type: 'danger',
                message: t('designer.upload.failed', 'The image was not uploaded: {message}', {
                  message: toApiError(error).message,
                }),
              });
            });
        }
      );
      instance.setMergeTags(latest.current.mergeTags);
      if (latest.current.design) instance.loadDesign(latest.current.design);
      instance.addEventListener('design:updated', () => {
        void exportContent(instance).then((content) => latest.current.onChange(content));
      });
      setIsReady(true);
    };

    if (failure) {
      return (
        <DesignerUnavailable
          scriptUrl={config.scriptUrl}
          reason={failure}
          timeoutSeconds={Math.round(loadTimeout / 1000)}
          canEdit={canEdit}
          onUseCode={onUseCode}
          onRetry={() => {
            scriptFailures.clear(config.scriptUrl);
            setFailure(null);
            setAttempt((count) => count + 1);
          }}
        />
      );
    }

    return (
      <Box hasRadius borderColor="neutral200" overflow="hidden" data-testid="designer">
        <EmailEditor
          key={attempt}
          scriptUrl={config.scriptUrl}
          options={config.options}
          minHeight="64rem"
          onReady={onReady}
        />
      </Box>
    );
  }
);

DesignerEditor.displayName = 'DesignerEditor';
