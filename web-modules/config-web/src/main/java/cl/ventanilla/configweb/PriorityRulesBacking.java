package cl.ventanilla.configweb;

import cl.ventanilla.faces.Feedback;
import cl.ventanilla.config.boundary.PriorityRuleDetails;
import cl.ventanilla.config.boundary.PriorityRules;
import cl.ventanilla.config.entity.ConfigException;
import cl.ventanilla.config.entity.PreferentialCategory;
import cl.ventanilla.config.entity.PriorityRule;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * priority.xhtml: the preferential attention rules of the unit {@code unidad} (the defaults while it
 * has none of its own): the categories it recognizes, the preferential:normal ratio, the longest wait
 * before any ticket is promoted, recalls and the appointments' check-in window.
 */
@Named
@ViewScoped
public class PriorityRulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PriorityRules priorityRules;

    private UUID unitId;
    private List<String> categoryCodes = new ArrayList<>();
    private Integer preferentialShare;
    private Integer normalShare;
    private Integer maximumWaitMinutes;
    private Integer maxRecalls;
    private Integer checkInEarlyMinutes;
    private Integer checkInGraceMinutes;

    // entities are not serializable; reloaded if the view moved to another instance
    private transient List<PreferentialCategory> categories;

    public void load() {
        if (unitId == null) {
            return;
        }
        try {
            fill(priorityRules.forUnit(unitId));
        } catch (ConfigException e) {
            Feedback.notFound();
        }
    }

    private void fill(PriorityRule rule) {
        categoryCodes = new ArrayList<>(rule.getCategories().stream().map(PreferentialCategory::getCode).toList());
        preferentialShare = rule.getPreferentialShare();
        normalShare = rule.getNormalShare();
        maximumWaitMinutes = rule.getMaximumWaitMinutes();
        maxRecalls = rule.getMaxRecalls();
        checkInEarlyMinutes = rule.getCheckInEarlyMinutes();
        checkInGraceMinutes = rule.getCheckInGraceMinutes();
    }

    public String save() {
        try {
            priorityRules.change(unitId, new PriorityRuleDetails(preferentialShare, normalShare, maximumWaitMinutes,
                    maxRecalls, checkInEarlyMinutes, checkInGraceMinutes, categoryCodes));
            Feedback.done("notice.priorityRules");
            return Feedback.redirect("priority", true);
        } catch (RuntimeException e) {
            Feedback.problem(e);
            return null;
        }
    }

    /** The active preferential categories a unit may recognize, in the catalogue's order. */
    public List<PreferentialCategory> getCategories() {
        if (categories == null) {
            categories = priorityRules.categories();
        }
        return categories;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID unitId) {
        this.unitId = unitId;
    }

    public List<String> getCategoryCodes() {
        return categoryCodes;
    }

    public void setCategoryCodes(List<String> categoryCodes) {
        this.categoryCodes = categoryCodes == null ? new ArrayList<>() : new ArrayList<>(categoryCodes);
    }

    public Integer getPreferentialShare() {
        return preferentialShare;
    }

    public void setPreferentialShare(Integer preferentialShare) {
        this.preferentialShare = preferentialShare;
    }

    public Integer getNormalShare() {
        return normalShare;
    }

    public void setNormalShare(Integer normalShare) {
        this.normalShare = normalShare;
    }

    public Integer getMaximumWaitMinutes() {
        return maximumWaitMinutes;
    }

    public void setMaximumWaitMinutes(Integer maximumWaitMinutes) {
        this.maximumWaitMinutes = maximumWaitMinutes;
    }

    public Integer getMaxRecalls() {
        return maxRecalls;
    }

    public void setMaxRecalls(Integer maxRecalls) {
        this.maxRecalls = maxRecalls;
    }

    public Integer getCheckInEarlyMinutes() {
        return checkInEarlyMinutes;
    }

    public void setCheckInEarlyMinutes(Integer checkInEarlyMinutes) {
        this.checkInEarlyMinutes = checkInEarlyMinutes;
    }

    public Integer getCheckInGraceMinutes() {
        return checkInGraceMinutes;
    }

    public void setCheckInGraceMinutes(Integer checkInGraceMinutes) {
        this.checkInGraceMinutes = checkInGraceMinutes;
    }
}
